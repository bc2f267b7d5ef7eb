import type { ClicksCatalog } from './index.js';

export const it: ClicksCatalog = {
  notFound: {
    title: 'Questo link non è disponibile',
    body: "Non abbiamo trovato questo link. Forse l'indirizzo contiene un errore di battitura o è stato copiato solo in parte. Controlla l'indirizzo oppure chiedi a chi l'ha condiviso di mandartelo di nuovo.",
  },
  unavailable: {
    title: 'Riprova tra poco',
    body: 'Al momento non riusciamo ad aprire questo link. Ricarica la pagina tra un minuto.',
  },
  tooMany: {
    title: 'Troppe richieste',
    body: 'Da questo indirizzo sono stati aperti troppi link nell’ultimo minuto. Attendi un momento e riprova.',
  },
};
