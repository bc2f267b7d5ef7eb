/**
 * The slice of ESLint's Node API the import-rule test uses. eslint 9.9 ships no type
 * declarations (and @types/eslint targets older majors), so the test declares what it calls.
 */
declare module 'eslint' {
  export interface LintMessage {
    ruleId: string | null;
    message: string;
  }
  export interface LintResult {
    messages: LintMessage[];
  }
  export class ESLint {
    constructor(options?: { cwd?: string });
    lintText(code: string, options?: { filePath?: string }): Promise<LintResult[]>;
  }
}
