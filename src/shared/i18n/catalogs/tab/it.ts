import type { TabCatalog } from './index.js';

export const it: TabCatalog = {
  app: {
    loading: 'Caricamento di Advocacy Hub…',
    skipToContent: 'Vai al contenuto',
    navLabel: 'Sezioni di Advocacy Hub',
    standaloneBadge: 'Anteprima fuori da Teams',
    viewingAs: 'Visualizzazione come {{user}}',
    notFoundTitle: 'Pagina non trovata',
    notFoundBody: 'Questa pagina non esiste o è stata spostata.',
    backToBoard: 'Vai alla bacheca',
  },
  nav: {
    board: 'Bacheca',
  },
  board: {
    title: 'Bacheca dei contenuti',
    subtitle: 'Post pronti da condividere con la tua rete, con parole tue.',
    postCount_one: '{{count}} post',
    postCount_few: '{{count}} post',
    postCount_many: '{{count}} post',
    postCount_other: '{{count}} post',
    filters: {
      label: 'Filtra i post',
      category: 'Categoria',
      all: 'Tutti',
      language: 'Lingua',
      allLanguages: 'Tutte le lingue',
    },
    card: {
      published: 'Pubblicato il {{date}}',
      writtenIn: 'Scritto in {{language}}',
      topics: 'Argomenti',
      open: 'Apri articolo',
      openLabel: 'Apri “{{title}}” in una nuova scheda',
    },
    loading: 'Caricamento dei post…',
    refreshing: 'Aggiornamento…',
    list: 'Post',
    empty: {
      title: 'Ancora niente qui',
      filtered: 'Nessun post corrisponde a questi filtri. Prova un’altra categoria o lingua.',
      unfiltered: 'I nuovi post del team del programma appariranno qui.',
      clear: 'Cancella filtri',
    },
    error: {
      title: 'Impossibile caricare la bacheca',
      retry: 'Riprova',
    },
  },
};
