/** Italian text of the starter training modules (see `training-modules.ts`). */
import type { StarterTexts } from './training-modules.js';

export const STARTER_TEXT_IT: StarterTexts = {
  'best-times': {
    title: 'Orari migliori e frequenza di pubblicazione per ogni rete',
    summary: 'Quando la tua rete legge, e un ritmo che puoi mantenere.',
    body: `# Pubblica quando la tua rete legge
- Nel programma di Oktopost il coinvolgimento è cresciuto in tutti i giorni feriali; il mercoledì è rimasto il giorno più attivo e il lunedì è cresciuto di più.
- Anche il fine settimana ha funzionato: sabato +205 %, domenica +114 %. Alcuni team lavorano da domenica a giovedì: la loro domenica è un lunedì.

# Un ritmo che puoi mantenere
- **LinkedIn**: due o tre post a settimana nei giorni lavorativi, prima di tutto al mattino.
- **X**: post brevi, più spesso; partecipa alle conversazioni mentre accadono.
- **Facebook**: meno post, scelti per amici e familiari (le storie di impatto sociale funzionano bene).

# Misura, poi correggi
Sono punti di partenza, non regole. Osserva i clic in Il mio impatto per un mese e tieni i giorni e gli orari che funzionano per te. Advocacy Hub suggerisce post solo nel tuo orario di lavoro ed entro il limite settimanale che hai scelto.`,
  },
  'what-works': {
    title: 'Cosa funziona su ogni rete',
    summary: 'Una breve checklist prima di pubblicare su LinkedIn, X o Facebook.',
    body: `# LinkedIn
- Inizia da ciò che il lettore impara, non da ciò che l'azienda annuncia.
- Aggiungi una frase della tua esperienza: le persone si fidano delle persone, non dei loghi.
- I contenuti condivisi dai dipendenti sono considerati tre volte più affidabili e ottengono il doppio dei clic rispetto al post dell'azienda.

# X
- Un'idea per post, ben sotto il limite; il link alla fine.
- Rispondi ad altri sul tuo tema: la conversazione batte la trasmissione.

# Facebook
- Storie di cui vai fiero: giornate di volontariato, colleghi, clienti aiutati.
- Personale e breve; niente elenchi di hashtag.

# Ovunque
- Condividi solo ciò con cui ti senti a tuo agio: è una scelta, non un obbligo.
- Non condividere mai informazioni riservate; segui la policy sui social media.`,
  },
  'own-words': {
    title: 'Scrivi con parole tue e commenta i contenuti del settore',
    summary: 'Trasforma una ricondivisione nella tua voce e partecipa alla conversazione sul tuo tema.',
    body: `# Perché con parole tue
La tua rete segue te, non il marchio. Un testo suggerito è un punto di partenza: modificalo finché non suona come te.

# Una formula in tre righe
1. **Cosa** ha attirato la tua attenzione (un fatto o un'idea).
2. **Perché** conta per i tuoi clienti o per il tuo campo.
3. **Una domanda** che invita a rispondere.

# Commenta i contenuti del settore
- Una volta a settimana trova un articolo esterno all'azienda sul tuo tema.
- Aggiungi ciò che hai visto nel tuo lavoro: d'accordo, in disaccordo, o un esempio.
- Soluzione dei problemi e innovazione generano le conversazioni migliori.

# Controlla prima di pubblicare
- È vero e pubblico? Lo diresti davanti a un cliente?
- Quando condividi contenuti aziendali, si vede che lavori qui?`,
  },
  'grow-network': {
    title: 'Fai crescere la tua rete, al tuo ritmo',
    summary: 'Piccoli passi che allargano chi vede ciò che condividi.',
    body: `# Parti da dove sei
Crescere è facoltativo: se condividi ciò che ti piace al tuo ritmo, va bene così. Se vuoi più visibilità, prova questi passi.

# Ogni settimana
- Collegati con tre persone che hai incontrato: clienti, partner, persone conosciute agli eventi (con una breve nota personale).
- Segui due esperti del tuo tema e commenta con attenzione uno dei loro post.
- Completa il tuo profilo: una foto chiara, in cosa aiuti le persone, i tuoi temi.

# Ogni mese
- Guarda in Il mio impatto chi ha cliccato e risposto ai tuoi post: più di ciò che ha funzionato.
- Entra in un gruppo o in una community sul tuo tema e rispondi lì a una domanda.

# Ricorda
Una rete più grande aiuta solo se sente la tua voce: un post o un commento a settimana la mantiene viva.`,
  },
  'external-influencers': {
    title: 'Entra in contatto con gli influencer esterni del tuo tema',
    summary: 'Mappa chi plasma il tuo tema fuori dall\'azienda e cura tu quelle relazioni.',
    body: `# Mappa il mondo esterno del tuo tema
Per ogni tema elenca le persone che lo plasmano:
- **Social broadcaster**: grande portata, fiducia più bassa.
- **Mass maven**: post lunghi e approfonditi; **mass connector**: post brevi e frequenti, grande portata.
- **Influencer potenziali**: clienti che scrivono recensioni, rispettati nelle loro cerchie.
- Persone di **organizzazioni**, **media** (giornalisti) e **politica**.

# La rete è tua
La mappa e le relazioni sono tue; marketing e comunicazione ti supportano soltanto.

# Come entrare in contatto
- Prima segui, poi commenta con sostanza ciò che pubblicano.
- Condividi i loro contenuti migliori aggiungendo il tuo punto di vista e menzionali.
- Offri qualcosa di utile: dati, la storia di un cliente, una presentazione.
- Quando si parla del tuo tema potresti ricevere un avviso: intervieni presto con una risposta utile.`,
  },
  'blogging-presenting': {
    title: 'Blog e presentazioni sul tuo tema',
    summary: 'Dai post agli articoli, ai talk e ai panel: diventa una voce riconosciuta.',
    body: `# Scegli il tuo stile
Post brevi o articoli lunghi: funzionano entrambi. Scegli quello che ti piace e mantieni un ritmo.

# Il tuo primo articolo
- [ ] Una domanda che i clienti fanno, con una risposta di 600–900 parole.
- [ ] Un esempio reale dal tuo lavoro (autorizzato per la pubblicazione).
- [ ] Un titolo chiaro e un'immagine; pubblica su LinkedIn o sul blog aziendale.
- [ ] Condividilo con parole tue e rispondi a ogni commento il primo giorno.

# Il tuo primo intervento
- [ ] Prima in interno (riunione di team, evento aziendale), poi un meetup o una conferenza.
- [ ] Un messaggio, tre punti, una storia.
- [ ] Prova due volte ad alta voce; cronometra.
- [ ] Dopo, condividi le slide o un post di sintesi.

# Chiedi supporto
Si possono organizzare ore di consulenza, foto, video e interviste: mostra i volti dietro l'organizzazione.`,
  },
  press: {
    title: 'Parlare con la stampa',
    summary: 'Per i portavoce: prepararsi, rispondere e restare sul messaggio con i giornalisti.',
    body: `# Prima dell'intervista
- Concorda con la comunicazione chi parla di cosa e cosa è riservato.
- Prepara tre messaggi chiave e una prova per ciascuno.
- Chiedi al giornalista l'angolazione, il formato e la scadenza.

# Durante l'intervista
- Rispondi alla domanda, poi collega al tuo messaggio.
- Frasi brevi, niente gergo; invece di "no comment" di' ciò che puoi dire.
- Niente è fuori registrazione.

# Dopo l'intervista
- Invia subito i dati promessi; racconta alla comunicazione com'è andata.
- Condividi l'articolo pubblicato con parole tue.

# La sessione dal vivo
In questa sessione fai pratica con una breve intervista simulata davanti alla telecamera e ricevi un feedback dal team di comunicazione.`,
  },
};
