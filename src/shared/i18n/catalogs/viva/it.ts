import type { VivaCatalog } from './index.js';

/** Scheda del dashboard di Viva Connections (italiano). */
export const it: VivaCatalog = {
  title: 'Advocacy Hub',
  card: {
    waiting_one: '{{value}} post ti aspetta',
    waiting_few: '{{value}} post ti aspettano',
    waiting_many: '{{value}} post ti aspettano',
    waiting_other: '{{value}} post ti aspettano',
    clicks_one: '{{value}} clic questa settimana',
    clicks_few: '{{value}} clic questa settimana',
    clicks_many: '{{value}} clic questa settimana',
    clicks_other: '{{value}} clic questa settimana',
    rank: '{{rank}}° posto su {{ranked}}',
    notRanked: 'non ancora in classifica',
    noContest: 'nessuna gara in corso',
    open: 'Post in evidenza',
    join: 'Apri Advocacy Hub in Teams per aderire al programma.',
    joinButton: 'Apri in Teams',
  },
  quick: {
    title: 'I post migliori per te',
    empty: 'Hai condiviso tutto quello che c’è in bacheca. I nuovi post compariranno qui.',
    share: 'Condividi',
    board: 'Apri la bacheca',
    shareTitle: 'Condividi questo post',
    shareHint: 'Ogni pulsante apre il social network con il testo suggerito. Controllalo e pubblicalo tu.',
    shareOn: 'Condividi su {{network}}',
    sharedOn: 'Condiviso su {{network}}',
    back: 'Indietro',
    policyFirst: 'Prima della tua prima condivisione, leggi e accetta la policy sui social media in Advocacy Hub su Teams.',
    unavailable: 'Questo post non è più in bacheca.',
  },
};
