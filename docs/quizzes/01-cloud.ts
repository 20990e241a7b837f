/**
 * Chapter 1 quiz: cloud and distributed systems. Keyed answers about behaviour are proven by
 * `labs/fallacies/tests/proofs.test.ts`; the others name their source.
 */
import { defineQuiz, type ProofRef, type SourceRef } from './quiz.ts';

const PROOFS = 'labs/fallacies/tests/proofs.test.ts';
const proof = (name: string): ProofRef => ({ test: PROOFS, name });
const CHECKED = '2026-11-28';

const fallaciesSource: SourceRef = {
  title: 'Fallacies of distributed computing (Wikipedia)',
  url: 'https://en.wikipedia.org/wiki/Fallacies_of_distributed_computing',
  checked: CHECKED,
};

export default defineQuiz({
  chapter: '01-cloud',
  questions: [
    {
      id: 'nist-characteristics',
      kind: 'multiple',
      prompt: {
        de: 'Welche der folgenden Punkte gehören zu den fünf wesentlichen Merkmalen von Cloud Computing nach NIST SP 800-145?',
        en: 'Which of these belong to the five essential characteristics of cloud computing in NIST SP 800-145?',
      },
      source: {
        title: 'NIST SP 800-145, The NIST Definition of Cloud Computing (2011)',
        url: 'https://csrc.nist.gov/pubs/sp/800/145/final',
        checked: CHECKED,
      },
      options: [
        {
          id: 'self-service',
          text: { de: 'Selbstbedienung nach Bedarf (on-demand self-service)', en: 'On-demand self-service' },
          correct: true,
          explanation: {
            de: 'Richtig: Rechenzeit und Speicher lassen sich ohne Zutun eines Menschen beim Anbieter selbst anlegen – per Konsole, CLI oder API.',
            en: 'Right: you provision compute and storage yourself, without a human at the provider — through a console, CLI or API.',
          },
        },
        {
          id: 'pooling',
          text: { de: 'Gebündelte Ressourcen für viele Kunden (resource pooling)', en: 'Resource pooling' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Anbieter teilt seine Hardware mandantenfähig zwischen vielen Kunden auf und verteilt sie dynamisch.',
            en: 'Right: the provider shares its hardware among many tenants and assigns it dynamically.',
          },
        },
        {
          id: 'elasticity',
          text: { de: 'Schnelle Elastizität (rapid elasticity)', en: 'Rapid elasticity' },
          correct: true,
          explanation: {
            de: 'Richtig: Kapazität wächst und schrumpft mit dem Bedarf, oft automatisch – für den Kunden wirkt sie fast unbegrenzt.',
            en: 'Right: capacity grows and shrinks with demand, often automatically, and appears almost unlimited to the customer.',
          },
        },
        {
          id: 'measured',
          text: { de: 'Gemessene Nutzung (measured service)', en: 'Measured service' },
          correct: true,
          explanation: {
            de: 'Richtig: Verbrauch wird gemessen und ist für Anbieter und Kunden sichtbar – die Grundlage für Abrechnung nach Nutzung.',
            en: 'Right: usage is metered and visible to provider and customer — the basis of pay-per-use billing.',
          },
        },
        {
          id: 'public-provider',
          text: { de: 'Läuft im Rechenzentrum eines großen öffentlichen Anbieters', en: 'Runs in the data centre of a big public provider' },
          correct: false,
          explanation: {
            de: 'Falsch: Wo die Cloud steht, ist bei NIST ein Bereitstellungsmodell (public, private, community, hybrid), kein Merkmal. Das fünfte Merkmal ist der breite Netzwerkzugang (broad network access).',
            en: 'Wrong: where the cloud runs is a deployment model in NIST (public, private, community, hybrid), not a characteristic. The fifth characteristic is broad network access.',
          },
        },
        {
          id: 'no-servers',
          text: { de: 'Es sind keine Server mehr beteiligt', en: 'No servers are involved any more' },
          correct: false,
          explanation: {
            de: 'Falsch: „There is no cloud. It’s just someone else’s computer.“ Die Server gibt es weiterhin – sie gehören und laufen beim Anbieter.',
            en: 'Wrong: “There is no cloud. It’s just someone else’s computer.” The servers still exist; the provider owns and runs them.',
          },
        },
      ],
    },
    {
      id: 'distributed-system',
      kind: 'single',
      prompt: {
        de: 'Was macht ein System zu einem verteilten System?',
        en: 'What makes a system a distributed system?',
      },
      source: {
        title: 'M. van Steen, A. S. Tanenbaum: Distributed Systems, 4th edition (2023), chapter 1',
        url: 'https://www.distributed-systems.net/index.php/books/ds4/',
        checked: CHECKED,
      },
      options: [
        {
          id: 'message-passing',
          text: {
            de: 'Eigenständige Rechner, die nur über Nachrichten im Netzwerk zusammenarbeiten, unabhängig voneinander ausfallen und keine gemeinsame Uhr haben – und für Nutzer wie ein System wirken',
            en: 'Independent computers that cooperate only by exchanging messages over a network, fail independently and share no clock — yet appear to their users as one system',
          },
          correct: true,
          explanation: {
            de: 'Richtig: Teilausfälle und Kommunikation nur über ein unzuverlässiges Netz sind genau das, was verteilte Systeme schwierig macht.',
            en: 'Right: partial failure and communication only over an unreliable network are exactly what makes distributed systems hard.',
          },
        },
        {
          id: 'multicore',
          text: { de: 'Eine CPU mit mehreren Kernen', en: 'A CPU with several cores' },
          correct: false,
          explanation: {
            de: 'Nicht ganz: Mehrere Kerne haben schon ähnliche Probleme (Nebenläufigkeit, wechselseitiger Ausschluss) – deshalb nennt sie die Vorlesung. Aber sie teilen Speicher und Takt und fallen gemeinsam aus.',
            en: 'Not quite: several cores already share some of the problems (concurrency, mutual exclusion) — which is why the lecture mentions them. But they share memory and a clock and fail together.',
          },
        },
        {
          id: 'many-users',
          text: { de: 'Viele Nutzer greifen gleichzeitig zu', en: 'Many users access it at the same time' },
          correct: false,
          explanation: {
            de: 'Falsch: Auch ein einzelner Server kann viele Nutzer bedienen. Entscheidend ist, ob das System selbst aus mehreren kommunizierenden Rechnern besteht.',
            en: 'Wrong: a single server can serve many users too. What matters is whether the system itself consists of several communicating computers.',
          },
        },
        {
          id: 'in-the-cloud',
          text: { de: 'Es läuft in der Cloud', en: 'It runs in the cloud' },
          correct: false,
          explanation: {
            de: 'Falsch: Eine einzelne virtuelle Maschine in der Cloud ist nicht verteilt; ein Cluster im eigenen Keller schon.',
            en: 'Wrong: a single virtual machine in the cloud is not distributed; a cluster in your own basement is.',
          },
        },
      ],
    },
    {
      id: 'lamport-quote',
      kind: 'short',
      prompt: {
        de: 'Wer schrieb 1987: „A distributed system is one in which the failure of a computer you didn’t even know existed can render your own computer unusable“?',
        en: 'Who wrote in 1987: “A distributed system is one in which the failure of a computer you didn’t even know existed can render your own computer unusable”?',
      },
      accept: ['Leslie Lamport', 'Lamport', 'L. Lamport'],
      explanation: {
        de: 'Leslie Lamport, in einer E-Mail vom Mai 1987. Von ihm stammen auch die logischen Uhren (1978) und Paxos; 2013 erhielt er den Turing Award.',
        en: 'Leslie Lamport, in an e-mail of May 1987. He also gave us logical clocks (1978) and Paxos, and received the Turing Award in 2013.',
      },
      source: {
        title: 'Leslie Lamport, e-mail “Distribution” (28 May 1987)',
        url: 'https://lamport.azurewebsites.net/pubs/distributed-system.txt',
        checked: CHECKED,
      },
    },
    {
      id: 'fallacy-authors',
      kind: 'single',
      prompt: {
        de: 'Wer hat die ersten sieben Trugschlüsse der verteilten Datenverarbeitung 1994 bei Sun Microsystems aufgeschrieben?',
        en: 'Who wrote down the first seven fallacies of distributed computing at Sun Microsystems in 1994?',
      },
      source: fallaciesSource,
      options: [
        {
          id: 'deutsch',
          text: { de: 'L Peter Deutsch', en: 'L Peter Deutsch' },
          correct: true,
          explanation: {
            de: 'Richtig: Deutsch schrieb 1994 die Liste der sieben auf; die ersten vier hatten Bill Joy und Tom Lyon schon früher benannt.',
            en: 'Right: Deutsch wrote down the list of seven in 1994; Bill Joy and Tom Lyon had named the first four earlier.',
          },
        },
        {
          id: 'gosling',
          text: { de: 'James Gosling', en: 'James Gosling' },
          correct: false,
          explanation: {
            de: 'Falsch: Gosling ergänzte um 1997 den achten Trugschluss („Das Netzwerk ist homogen“).',
            en: 'Wrong: Gosling added the eighth fallacy (“the network is homogeneous”) around 1997.',
          },
        },
        {
          id: 'lamport',
          text: { de: 'Leslie Lamport', en: 'Leslie Lamport' },
          correct: false,
          explanation: {
            de: 'Falsch: Lamport lieferte das berühmte Zitat über verteilte Systeme und die logischen Uhren, nicht die Trugschlüsse.',
            en: 'Wrong: Lamport gave us the famous quote about distributed systems and logical clocks, not the fallacies.',
          },
        },
        {
          id: 'brewer',
          text: { de: 'Eric Brewer', en: 'Eric Brewer' },
          correct: false,
          explanation: {
            de: 'Falsch: Brewer stellte im Jahr 2000 die CAP-Vermutung vor.',
            en: 'Wrong: Brewer presented the CAP conjecture in 2000.',
          },
        },
      ],
    },
    {
      id: 'fallacies-order',
      kind: 'ordering',
      prompt: {
        de: 'Bringe die acht Trugschlüsse in ihre übliche Reihenfolge.',
        en: 'Put the eight fallacies in their usual order.',
      },
      source: fallaciesSource,
      items: [
        { id: 'reliable', text: { de: 'Das Netzwerk ist zuverlässig.', en: 'The network is reliable.' } },
        { id: 'latency', text: { de: 'Die Latenz ist null.', en: 'Latency is zero.' } },
        { id: 'bandwidth', text: { de: 'Die Bandbreite ist unbegrenzt.', en: 'Bandwidth is infinite.' } },
        { id: 'secure', text: { de: 'Das Netzwerk ist sicher.', en: 'The network is secure.' } },
        { id: 'topology', text: { de: 'Die Topologie ändert sich nicht.', en: 'Topology doesn’t change.' } },
        { id: 'administrator', text: { de: 'Es gibt genau einen Administrator.', en: 'There is one administrator.' } },
        { id: 'transport-cost', text: { de: 'Transport kostet nichts.', en: 'Transport cost is zero.' } },
        { id: 'homogeneous', text: { de: 'Das Netzwerk ist homogen.', en: 'The network is homogeneous.' } },
      ],
      explanation: {
        de: 'Die ersten vier benannten Bill Joy und Tom Lyon, L Peter Deutsch schrieb 1994 die sieben auf, James Gosling ergänzte um 1997 den achten.',
        en: 'Bill Joy and Tom Lyon named the first four, L Peter Deutsch wrote down seven in 1994, and James Gosling added the eighth around 1997.',
      },
    },
    {
      id: 'blind-retry',
      kind: 'number',
      prompt: {
        de: 'Der Bestellservice speichert eine Bestellung, dann reißt die Verbindung ab, bevor die Antwort ankommt. Der Client wiederholt den Aufruf einmal ohne Idempotency-Key und erhält 201. Wie viele Bestellungen sind gespeichert?',
        en: 'The order service records an order, then the connection breaks before the answer arrives. The client retries once without an Idempotency-Key and gets 201. How many orders are recorded?',
      },
      answer: 2,
      unit: { de: 'Bestellungen', en: 'orders' },
      explanation: {
        de: 'Zwei: Der Service kann die Wiederholung nicht vom ersten Versuch unterscheiden und legt eine zweite Bestellung an. Blindes Wiederholen macht aus „vielleicht verloren“ „sicher doppelt“.',
        en: 'Two: the service cannot tell the retry from the first attempt and records a second order. Blind retries turn “maybe lost” into “certainly twice”.',
      },
      proof: proof('blind retries after a dropped response record the order twice'),
    },
    {
      id: 'idempotency-key',
      kind: 'single',
      prompt: {
        de: 'Gleiche Lage, aber der Client erzeugt einmal pro Bestellung einen Idempotency-Key und schickt ihn bei jedem Versuch mit. Was passiert beim zweiten Versuch?',
        en: 'Same situation, but the client generates one Idempotency-Key per order and sends it with every attempt. What happens on the second attempt?',
      },
      proof: proof('a retry with the same Idempotency-Key is answered from the store'),
      options: [
        {
          id: 'replay',
          text: {
            de: 'Der Service antwortet mit dem gespeicherten Ergebnis des ersten Versuchs (gleiche Bestellnummer); es bleibt bei einer Bestellung',
            en: 'The service answers with the stored result of the first attempt (same order id); there is still one order',
          },
          correct: true,
          explanation: {
            de: 'Richtig: Der Service merkt sich pro Schlüssel die erste Antwort und wiederholt sie, statt noch einmal zu buchen.',
            en: 'Right: the service keeps the first answer per key and repeats it instead of booking again.',
          },
        },
        {
          id: 'second-order',
          text: { de: 'Es wird eine zweite Bestellung angelegt', en: 'A second order is recorded' },
          correct: false,
          explanation: {
            de: 'Falsch: Genau das verhindert der Schlüssel – der Service erkennt den Versuch als Wiederholung.',
            en: 'Wrong: that is exactly what the key prevents — the service recognises the attempt as a repeat.',
          },
        },
        {
          id: 'conflict',
          text: { de: 'Der Service lehnt den Versuch ab, weil er den Schlüssel schon kennt (409/422)', en: 'The service refuses the attempt because it knows the key already (409/422)' },
          correct: false,
          explanation: {
            de: 'Falsch: 422 gibt es nur, wenn derselbe Schlüssel mit einer anderen Bestellung kommt; 409, wenn der erste Versuch noch verarbeitet wird (IETF-Entwurf zum Idempotency-Key-Header).',
            en: 'Wrong: 422 is for the same key with a different order; 409 for a first attempt still being processed (IETF draft on the Idempotency-Key header).',
          },
        },
        {
          id: 'client-skips',
          text: { de: 'Der Client schickt gar nichts mehr, weil er den Schlüssel schon benutzt hat', en: 'The client sends nothing, because it has used the key already' },
          correct: false,
          explanation: {
            de: 'Falsch: Der Client weiß nicht, ob der erste Versuch angekommen ist – nur der Service kann Duplikate erkennen.',
            en: 'Wrong: the client cannot know whether the first attempt arrived — only the service can recognise duplicates.',
          },
        },
      ],
    },
    {
      id: 'timeout-no-retry',
      kind: 'multiple',
      prompt: {
        de: 'Ein Client schickt eine Bestellung genau einmal: Timeout 100 ms, keine Wiederholung. Bei welchen Fehlern hat der Service danach die Bestellung gespeichert, obwohl der Client einen Fehlschlag meldet?',
        en: 'A client sends an order exactly once: timeout 100 ms, no retry. For which faults has the service recorded the order although the client reports a failure?',
      },
      proof: proof('a single attempt with a timeout: which faults leave an order the client believes failed'),
      options: [
        {
          id: 'drop-request',
          text: { de: 'Die Anfrage geht unterwegs verloren', en: 'The request is lost on its way' },
          correct: false,
          explanation: {
            de: 'Falsch: Die Anfrage kam nie an – es gibt keine Bestellung. Ohne Wiederholung ist sie verloren.',
            en: 'Wrong: the request never arrived — there is no order. Without a retry, the order is lost.',
          },
        },
        {
          id: 'drop-response',
          text: { de: 'Die Antwort geht unterwegs verloren', en: 'The response is lost on its way' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Service hat gebucht, nur die Antwort fehlt. Für den Client sieht das genauso aus wie eine verlorene Anfrage.',
            en: 'Right: the service booked the order, only the answer is missing. To the client this looks exactly like a lost request.',
          },
        },
        {
          id: 'delay',
          text: { de: 'Der Service antwortet erst nach 300 ms', en: 'The service answers only after 300 ms' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Client gibt nach 100 ms auf, der Service bucht trotzdem. Ein Timeout heißt „ich weiß es nicht“, nicht „es ist nicht passiert“.',
            en: 'Right: the client gives up after 100 ms, the service books anyway. A timeout means “I don’t know”, not “it didn’t happen”.',
          },
        },
        {
          id: 'none',
          text: { de: 'Bei keinem – ein Fehler beim Client heißt, dass nichts gebucht wurde', en: 'None — a failure at the client means nothing was booked' },
          correct: false,
          explanation: {
            de: 'Falsch: Zwei der drei Fehler hinterlassen eine Bestellung, von der der Client glaubt, sie sei gescheitert.',
            en: 'Wrong: two of the three faults leave an order behind that the client believes has failed.',
          },
        },
      ],
    },
    {
      id: 'retryable',
      kind: 'multiple',
      prompt: {
        de: 'Nach welchen Ergebnissen lohnt es sich, dieselbe Anfrage (mit demselben Idempotency-Key) noch einmal zu schicken?',
        en: 'After which outcomes is it worth sending the same request (with the same Idempotency-Key) again?',
      },
      proof: proof('only transient failures succeed when the same request is sent again'),
      options: [
        {
          id: 'network-error',
          text: { de: 'Netzwerkfehler (Verbindung abgebrochen)', en: 'Network error (connection closed)' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Fehler liegt am Weg, nicht an der Anfrage; mit dem Schlüssel ist die Wiederholung sicher.',
            en: 'Right: the fault is in the path, not in the request; with the key the retry is safe.',
          },
        },
        {
          id: 'timeout',
          text: { de: 'Timeout', en: 'Timeout' },
          correct: true,
          explanation: {
            de: 'Richtig: Vielleicht war der Service nur langsam. Der Schlüssel sorgt dafür, dass eine späte Verarbeitung nicht doppelt bucht.',
            en: 'Right: the service may just have been slow. The key makes sure a late processing does not book twice.',
          },
        },
        {
          id: '503',
          text: { de: '503 Service Unavailable', en: '503 Service Unavailable' },
          correct: true,
          explanation: {
            de: 'Richtig: Ein 5xx beschreibt den Zustand des Servers, nicht die Anfrage – mit Backoff und Jitter erneut versuchen.',
            en: 'Right: a 5xx describes the server’s state, not the request — retry with backoff and jitter.',
          },
        },
        {
          id: '429',
          text: { de: '429 Too Many Requests mit Retry-After', en: '429 Too Many Requests with Retry-After' },
          correct: true,
          explanation: {
            de: 'Richtig, aber erst nach der Wartezeit, die Retry-After nennt.',
            en: 'Right, but only after waiting as long as Retry-After says.',
          },
        },
        {
          id: '400',
          text: { de: '400 Bad Request', en: '400 Bad Request' },
          correct: false,
          explanation: {
            de: 'Falsch: Dieselbe fehlerhafte Anfrage bekommt jedes Mal dieselbe Antwort. Fehler melden statt wiederholen.',
            en: 'Wrong: the same malformed request gets the same answer every time. Report the error instead of retrying.',
          },
        },
        {
          id: '422',
          text: { de: '422 – Schlüssel mit einer anderen Bestellung wiederverwendet', en: '422 — key reused with a different order' },
          correct: false,
          explanation: {
            de: 'Falsch: Das ist ein Fehler im Client (ein Schlüssel für zwei Bestellungen); auch er kommt bei jeder Wiederholung wieder.',
            en: 'Wrong: this is a client bug (one key for two orders); it comes back on every retry too.',
          },
        },
      ],
    },
    {
      id: 'split-brain',
      kind: 'single',
      prompt: {
        de: 'Was bezeichnet „Split Brain“?',
        en: 'What does “split brain” mean?',
      },
      source: {
        title: 'Martin Kleppmann: How to do distributed locking (2016), section on fencing tokens',
        url: 'https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html',
        checked: CHECKED,
      },
      options: [
        {
          id: 'two-leaders',
          text: {
            de: 'Nach einer Netzwerkpartition halten sich beide Seiten für den Anführer (oder Besitzer der Daten) und handeln unabhängig voneinander',
            en: 'After a network partition, both sides believe they lead (or own the data) and act independently',
          },
          correct: true,
          explanation: {
            de: 'Richtig: Zwei Anführer schreiben widersprüchliche Daten. Quoren (nur die Mehrheit darf führen) und Fencing Tokens (veraltete Anführer werden abgewiesen) verhindern das.',
            en: 'Right: two leaders write conflicting data. Quorums (only a majority may lead) and fencing tokens (stale leaders are refused) prevent it.',
          },
        },
        {
          id: 'two-silent',
          text: { de: 'Zwei Knoten antworten nicht mehr', en: 'Two nodes stop answering' },
          correct: false,
          explanation: {
            de: 'Falsch: Das ist ein Ausfall oder eine Partition. Gefährlich wird es erst, wenn die getrennten Teile danach beide weiterarbeiten, als wären sie allein.',
            en: 'Wrong: that is a failure or a partition. It becomes split brain when the separated parts both carry on as if they were alone.',
          },
        },
        {
          id: 'replica-lag',
          text: { de: 'Eine Replik hinkt dem Anführer hinterher', en: 'A replica lags behind the leader' },
          correct: false,
          explanation: {
            de: 'Falsch: Das ist Replikationsverzögerung (eventual consistency); es gibt weiterhin nur einen Anführer.',
            en: 'Wrong: that is replication lag (eventual consistency); there is still only one leader.',
          },
        },
        {
          id: 'race',
          text: { de: 'Zwei Threads eines Prozesses schreiben dieselbe Variable', en: 'Two threads of one process write the same variable' },
          correct: false,
          explanation: {
            de: 'Falsch: Das ist eine Race Condition auf einer Maschine – ein Fall für wechselseitigen Ausschluss, nicht für Anführerwahl.',
            en: 'Wrong: that is a race condition on one machine — a case for mutual exclusion, not for leader election.',
          },
        },
      ],
    },
    {
      id: 'clock-skew',
      kind: 'single',
      prompt: {
        de: 'Alle Server synchronisieren ihre Uhren per NTP mit dem Zeitdienst des Anbieters; die Abweichung zwischen zwei Servern liegt unter 5 ms. Zwei Ereignisse auf verschiedenen Servern tragen Zeitstempel, die 1 ms auseinanderliegen. Was folgt daraus?',
        en: 'All servers synchronise their clocks via NTP with the provider’s time service; the skew between two servers is below 5 ms. Two events on different servers carry timestamps 1 ms apart. What follows?',
      },
      source: {
        title: 'Leslie Lamport: Time, Clocks, and the Ordering of Events in a Distributed System, CACM 21(7), 1978',
        url: 'https://dl.acm.org/doi/10.1145/359545.359563',
        checked: CHECKED,
      },
      options: [
        {
          id: 'unknown-order',
          text: { de: 'Welches zuerst war, lässt sich nicht sagen', en: 'Which came first cannot be told' },
          correct: true,
          explanation: {
            de: 'Richtig: Synchronisierte Uhren begrenzen nur die Abweichung; 1 ms liegt darunter. Für eine Reihenfolge braucht es logische Uhren (Lamport, Vektoruhren) oder begrenzte Unsicherheit mit Commit-Wait (TrueTime).',
            en: 'Right: synchronised clocks only bound the skew, and 1 ms is below that bound. Ordering needs logical clocks (Lamport, vector clocks) or bounded uncertainty with commit wait (TrueTime).',
          },
        },
        {
          id: 'earlier-first',
          text: { de: 'Das Ereignis mit dem früheren Zeitstempel war zuerst', en: 'The event with the earlier timestamp came first' },
          correct: false,
          explanation: {
            de: 'Falsch: Die Uhr des einen Servers kann bis zu 5 ms vorgehen – der frühere Zeitstempel kann zum späteren Ereignis gehören.',
            en: 'Wrong: one server’s clock may be up to 5 ms ahead — the earlier timestamp may belong to the later event.',
          },
        },
        {
          id: 'simultaneous',
          text: { de: 'Die Ereignisse waren gleichzeitig', en: 'The events were simultaneous' },
          correct: false,
          explanation: {
            de: 'Falsch: Ohne Nachricht zwischen ihnen sind sie nebenläufig – das heißt „ungeordnet“, nicht „gleichzeitig“.',
            en: 'Wrong: without a message between them they are concurrent — which means “unordered”, not “at the same time”.',
          },
        },
        {
          id: 'provider-orders',
          text: { de: 'Der Cloud-Anbieter garantiert die Reihenfolge', en: 'The cloud provider guarantees the order' },
          correct: false,
          explanation: {
            de: 'Falsch: Der Anbieter liefert genaue Zeit, aber keine Reihenfolge zwischen Ereignissen verschiedener Rechner.',
            en: 'Wrong: the provider delivers accurate time, not an order between events on different machines.',
          },
        },
      ],
    },
    {
      id: 'last-ticket',
      kind: 'single',
      prompt: {
        de: 'Zwei Verkaufsserver verkaufen gleichzeitig die letzte Konzertkarte. Jeder liest „Karten übrig“ aus der Datenbank und schreibt, wenn mehr als 0 übrig sind, „verkauft“. Was kann passieren?',
        en: 'Two sales servers sell the last concert ticket at the same moment. Each reads “tickets left” from the database and, if it is above 0, writes “sold”. What can happen?',
      },
      proof: proof('check-then-write sellers sell the last ticket twice'),
      options: [
        {
          id: 'sold-twice',
          text: { de: 'Die Karte wird zweimal verkauft', en: 'The ticket is sold twice' },
          correct: true,
          explanation: {
            de: 'Richtig: Beide lesen 1, bevor einer schreibt. Prüfen und Schreiben müssen ein atomarer Schritt sein (bedingtes Schreiben, Transaktion) – oder es verkauft nur einer (Queue).',
            en: 'Right: both read 1 before either writes. Check and write must be one atomic step (conditional write, transaction) — or only one seller sells (a queue).',
          },
        },
        {
          id: 'database-prevents',
          text: { de: 'Die Datenbank sorgt dafür, dass nur einer erfolgreich ist', en: 'The database makes sure only one succeeds' },
          correct: false,
          explanation: {
            de: 'Falsch: Nur wenn Prüfung und Schreiben eine Operation sind. Zwei getrennte Aufrufe sieht die Datenbank als zwei unabhängige, jeweils gültige Anfragen.',
            en: 'Wrong: only when check and write are one operation. Two separate calls look to the database like two independent, valid requests.',
          },
        },
        {
          id: 'deadlock',
          text: { de: 'Die beiden Server blockieren sich gegenseitig (Deadlock)', en: 'The two servers block each other (deadlock)' },
          correct: false,
          explanation: {
            de: 'Falsch: Ohne Sperren kann nichts blockieren – deshalb rennen beide durch.',
            en: 'Wrong: without locks nothing can block — which is why both run straight through.',
          },
        },
      ],
    },
  ],
});
