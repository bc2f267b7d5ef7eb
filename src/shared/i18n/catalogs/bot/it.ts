import type { BotCatalog } from './index.js';

export const it: BotCatalog = {
  welcome: {
    greeting: 'Ciao {{name}}!',
    title: 'Ti diamo il benvenuto in Advocacy Hub',
    intro: "Ti aiuto a condividere le novità dell'azienda con la tua rete, con parole tue.",
    points: {
      prompts:
        'Qui arrivano i post scelti per il tuo ruolo, i tuoi argomenti e la tua lingua, pronti da modificare e condividere su LinkedIn, X o Facebook.',
      impact: 'Vedi i clic generati dalle tue condivisioni, il tuo punteggio e la tua posizione nella gara in corso.',
      growth: 'Brevi corsi adatti al tuo stile di apprendimento ti aiutano a crescere con i tuoi tempi.',
    },
    helpHint: 'Scrivi **help** in qualsiasi momento per vedere i comandi.',
    languageHint:
      'Rispondo nella lingua di Teams. Per cambiarla, scrivi **language** seguito da un codice, ad esempio **language it**.',
    helpAction: 'Mostra i comandi',
  },
  help: {
    intro: 'Ecco cosa posso fare. Scrivi un comando:',
    line: '**{{command}}**: {{description}}',
    commands: {
      help: 'mostra questo elenco di comandi',
      language: 'cambia la lingua in cui ti parlo ({{options}})',
      myScore: 'mostra i tuoi clic, il punteggio e la posizione nella gara in corso',
      leaderboard: 'mostra chi guida la classifica della gara in corso',
      board: 'apre la bacheca dei post pronti da condividere',
      stop: 'sospende le proposte di condivisione',
      start: 'riattiva le proposte di condivisione',
    },
  },
  language: {
    changed: "Fatto. D'ora in poi ti parlerò in {{language}}.",
    current: 'Ti sto parlando in {{language}}. Per cambiare, scrivi **language** seguito da uno di questi codici: {{options}}.',
    unknown: 'Non conosco la lingua "{{input}}". Scrivi **language** seguito da uno di questi codici: {{options}}.',
    personalOnly: 'Posso salvare la scelta della lingua solo nella nostra chat personale. Inviami lì **language {{code}}**.',
  },
  error: {
    generic: 'Spiacente, qualcosa è andato storto da parte mia. Riprova tra qualche istante.',
  },
};
