import { LANGUAGE_ENDONYMS } from '../../language-names.js';
import type { CommonCatalog } from './index.js';

export const it: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: LANGUAGE_ENDONYMS,
  role: {
    employee: 'Dipendente',
    trainer: 'Formatore',
    executive: 'Dirigente',
    coordinator: 'Coordinatore',
    admin: 'Amministratore',
  },
  persona: {
    observer: 'Osservatore',
    sharer: 'Condivisore',
    networker: 'Networker',
    influencer: 'Influencer',
    next: {
      'take-audit': 'Compila l\'audit social di due minuti: così ti suggeriamo contenuti e formazione adatti a te.',
      'keep-pace': 'Condividi al tuo ritmo ({{postsPerMonth}} post al mese). Continua a condividere ciò che ti piace: nessuno si aspetta di più.',
      observer: { grow: 'Prova a condividere {{postsNeeded}} post in più al mese (circa {{targetPostsPerMonth}}) e a collegarti con altre {{audienceNeeded}} persone del tuo settore.' },
      sharer: { 'grow-network': 'Condividi con regolarità. Fai crescere la tua rete di {{audienceNeeded}} contatti (fino a circa {{targetAudience}}) perché più persone vedano i tuoi post.' },
      networker: { 'post-more': 'Hai una rete ampia. Condividere {{postsNeeded}} post in più al mese (circa {{targetPostsPerMonth}}) le permette di sentirti.' },
      influencer: { 'lead-topics': 'Con {{audience}} follower e {{postsPerMonth}} post al mese potresti guidare un tema: scrivi con parole tue e metti in contatto colleghi ed esperti.' },
      leader: { 'model-behaviour': 'I leader aprono la strada: pochi post al mese con la tua voce (ora {{postsPerMonth}}) mostrano a tutti come si fa.' },
    },
  },
  category: {
    company: 'Azienda',
    industry: 'Settore',
    'personal-interest': 'Interessi personali',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    tooManyRequests: 'Troppe richieste. Attendi un momento e riprova.',
    unavailable: 'Il servizio non è disponibile per un momento (l’archivio non è raggiungibile). Non è andato perso nulla; riprova tra poco.',
    generic: 'Si è verificato un errore. Riprova.',
    notFound: 'Non trovato.',
    forbidden: 'Non hai accesso a questa sezione.',
    unauthenticated: 'Accedi di nuovo.',
    badRequest: 'Richiesta non valida: {{details}}',
    conflict: 'Qualcun altro ha modificato questo elemento nello stesso momento. Ricarica e riprova.',
    campaignLocked: 'Questa campagna è stata avviata o è terminata: contenuto, pubblico e periodo non cambiano più e non viene mai eliminata (invii e risultati restano). Mettila in pausa o annullala, oppure duplicala in una nuova bozza.',
    contestStarted: 'Questo concorso è già iniziato, quindi non può essere eliminato. Chiudilo in anticipo: i risultati vengono conservati.',
    contestEnded: 'Questo concorso è terminato: i risultati fanno parte dello storico e restano invariati.',
    contestNotStarted: 'Questo concorso non è ancora iniziato: modifica le date oppure eliminalo.',
    aiWritingOff: "L'aiuto alla scrittura con IA non è disponibile qui: il team del programma non l'ha attivato oppure non è configurato alcun modello.",
    aiTooManyRewrites: 'Hai chiesto molte riscritture in poco tempo. Attendi un minuto e riprova; il tuo testo non è cambiato.',
    aiBusy: "L'assistente di scrittura è occupato o lento in questo momento. Il tuo testo non è cambiato; riprova tra un minuto.",
    aiFailed: "L'assistente di scrittura questa volta non è riuscito ad aiutarti. Il tuo testo non è cambiato; riprova o scrivilo a modo tuo.",
    aiRefused: "L'assistente di scrittura ha rifiutato questo testo (filtro dei contenuti). Il tuo testo non è cambiato.",
  },
};
