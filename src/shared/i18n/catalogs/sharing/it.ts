import type { SharingCatalog } from './index.js';

export const it: SharingCatalog = {
  disclosure: 'Lavoro in {{company}}. #dipendente',
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  why: {
    topic: 'Segui il tema «{{topic}}»: la tua rete apprezzerà il tuo punto di vista.',
    team: 'Scelto per il tuo team: è vicino al lavoro che fai ogni giorno.',
    persona: {
      observer: 'Perfetto per una prima condivisione: aggiungi una riga con parole tue e pubblica.',
      sharer: 'Si adatta bene ai tuoi post abituali e offre un taglio nuovo a chi ti segue.',
      networker: 'Con la tua ampia rete, un solo post può arrivare lontano.',
      influencer: 'Il tuo pubblico si aspetta da te opinioni come questa: aggiungi la tua.',
    },
  },
  facebook: {
    title: 'Condividi su Facebook',
    intro: 'Facebook non permette alle app di precompilare il testo del post. Copia qui il tuo testo e incollalo nel post di Facebook che si aprirà subito dopo.',
    label: 'Il tuo testo',
    copy: 'Copia il testo',
    copied: 'Copiato. Ora vai su Facebook e incollalo.',
    noScript: 'Seleziona il testo e copialo, poi continua.',
    continue: 'Continua su Facebook',
  },
  policyPage: {
    missingTitle: 'Nessuna policy da mostrare',
    missing: 'Qui non è ancora stata pubblicata una policy sui social media. Se hai aperto un link da Teams, chiedi al referente del programma.',
    version: 'Versione {{version}}',
  },
  refused: {
    title: 'Questo link di condivisione non è utilizzabile',
    'unknown-code': 'Il link non è valido. Riapri in Teams la scheda di condivisione e usa i suoi pulsanti.',
    'network-not-offered': 'Il tuo programma non prevede la condivisione su questo social. Scegline un altro nella scheda in Teams.',
    'policy-not-acknowledged': 'Prima di condividere, leggi e accetta la policy sui social media. La trovi nella chat con Advocacy Hub in Teams.',
    'content-unavailable': 'Questo contenuto non è più disponibile. Trovi i contenuti attuali nella bacheca in Teams.',
    back: 'Non è stato pubblicato né registrato nulla. Puoi chiudere questa pagina.',
  },
};
