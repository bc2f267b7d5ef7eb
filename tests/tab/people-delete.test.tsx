// @vitest-environment happy-dom
/**
 * Admin > People, deleting a person's data: the button is not offered for oneself; the dialog
 * keeps "Delete permanently" disabled until the person's name is typed; the DELETE is sent once
 * and the report says what was removed and what remains as counts (clicks on their links).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PeopleSection } from '../../src/tab/admin/people-section.js';
import { renderInTab } from './support.js';

const PEOPLE = [
  { id: 'emp-1', displayName: 'Aiko', email: 'aiko@contoso.example', team: 'Admin', roles: ['admin'], language: 'en', timeZone: 'UTC' },
  { id: 'p-omar', displayName: 'Omar Ortiz', email: 'omar@contoso.example', team: 'Support', roles: ['employee'], language: 'en', timeZone: 'UTC' },
];

afterEach(cleanup);

describe('Admin > People, deletion', () => {
  it('asks for the name, deletes, and explains what remains', async () => {
    const view = await renderInTab(<PeopleSection />, {
      'GET /api/admin/people': () => [200, { people: PEOPLE }],
      'DELETE /api/admin/people/p-omar': () => [200, { employeeId: 'p-omar', deletedAt: '2026-12-03T10:00:00.000Z', erased: { employee: 1, shares: 4, linksAnonymised: 4 }, total: 9, pseudonymised: { deliveries: 2, auditLog: 3 }, pseudonym: '~erased-0123456789abcdef', remains: { links: 4, clicks: 1234, clicksByContent: [{ contentId: 'c1', clicks: 1234 }], deliveries: 2, auditEntries: 3 } }],
    });
    const user = userEvent.setup();
    await screen.findByTestId('person-p-omar');
    expect(screen.queryByTestId('delete-emp-1')).toBeNull();
    await user.click(screen.getByTestId('delete-p-omar'));
    const dialog = await screen.findByRole('alertdialog');
    const submit = within(dialog).getByTestId('delete-submit');
    expect(submit).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByTestId('delete-confirm'), 'Omar');
    expect(submit).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByTestId('delete-confirm'), ' ortiz');
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    const report = await screen.findByTestId('deletion-report');
    expect(report.textContent).toContain('The data of Omar Ortiz was deleted');
    expect(report.textContent).toContain('9 records removed.');
    expect(report.textContent).toContain('1,234 clicks on the 4 links they shared stay in each article’s click totals');
    expect(report.textContent).toContain('The 2 campaign messages sent to this person stay in the delivery counts');
    expect(report.textContent).toContain('The 3 audit log entries keep what was done; who did it is now the code ~erased-0123456789abcdef.');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(view.seen.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});
