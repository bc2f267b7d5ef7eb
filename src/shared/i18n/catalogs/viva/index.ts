import type { DeepStrings } from '../../types.js';
import { en } from './en.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ru } from './ru.js';
import { th } from './th.js';
import { zh } from './zh.js';

export type VivaCatalog = DeepStrings<typeof en>;
export const viva = { en, ja, th, ru, it, zh };
