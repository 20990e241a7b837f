/**
 * Chapter 8 quiz: concurrency and coordination. Keyed answers about behaviour are proven by
 * `labs/coordination/proofs/proofs.test.ts`; history and definitions name their source.
 */
import { defineQuiz, type ProofRef } from './quiz.ts';

const PROOFS = 'labs/coordination/proofs/proofs.test.ts';
const proof = (name: string): ProofRef => ({ test: PROOFS, name });
const CHECKED = '2026-11-28';

export default defineQuiz({
  chapter: '08-coordination',
  questions: [
    {
      id: 'concurrency-parallelism',
      kind: 'single',
      prompt: {
        de: 'Ein Node.js-Prozess mit einem Thread bedient 1.000 offene HTTP-Anfragen, indem er zwischen ihnen wechselt, sobald eine auf I/O wartet. Was beschreibt das?',
        en: 'A single-threaded Node.js process serves 1,000 open HTTP requests by switching between them whenever one waits for I/O. What does this describe?',
      },
      source: {
        title: 'R. Pike: Concurrency is not Parallelism (talk, 2012)',
        url: 'https://go.dev/talks/2012/waza.slide',
        checked: CHECKED,
      },
      options: [
        {
          id: 'concurrency',
          text: { de: 'Nebenläufigkeit ohne Parallelität', en: 'Concurrency without parallelism' },
          correct: true,
          explanation: {
            de: 'Richtig: Viele Aufgaben sind gleichzeitig *in Arbeit* (Nebenläufigkeit), aber zu jedem Zeitpunkt rechnet nur eine (keine Parallelität).',
            en: 'Right: many tasks are *in progress* at the same time (concurrency), but only one computes at any instant (no parallelism).',
          },
        },
        {
          id: 'parallelism',
          text: { de: 'Parallelität ohne Nebenläufigkeit', en: 'Parallelism without concurrency' },
          correct: false,
          explanation: {
            de: 'Falsch: Parallelität heißt, dass mehrere Berechnungen im selben Moment laufen – auf mehreren Kernen oder Rechnern. Ein Thread kann das nicht.',
            en: 'Wrong: parallelism means several computations run at the same instant — on several cores or machines. One thread cannot do that.',
          },
        },
        {
          id: 'both',
          text: { de: 'Nebenläufigkeit und Parallelität', en: 'Both concurrency and parallelism' },
          correct: false,
          explanation: {
            de: 'Falsch: Erst mehrere Prozesse oder Worker-Threads machen es auch parallel.',
            en: 'Wrong: only several processes or worker threads make it parallel as well.',
          },
        },
        {
          id: 'neither',
          text: { de: 'Keines von beiden, die Anfragen laufen nacheinander', en: 'Neither — the requests run one after the other' },
          correct: false,
          explanation: {
            de: 'Falsch: Die Anfragen überlappen sich zeitlich; eine beginnt, bevor die andere fertig ist. Genau das ist Nebenläufigkeit – und der Grund für Race Conditions.',
            en: 'Wrong: the requests overlap in time; one starts before the other has finished. That is concurrency — and the reason race conditions exist.',
          },
        },
      ],
    },
    {
      id: 'tickets-race',
      kind: 'number',
      prompt: {
        de: 'Für ein Konzert ist noch **1** Karte übrig. Zwei Verkaufsprozesse lesen gleichzeitig den Bestand („1 übrig“) und schreiben danach jeder „0 übrig“ und einen Verkauf. Wie viele Karten sind verkauft?',
        en: 'A concert has **1** ticket left. Two sales processes read the stock at the same time ("1 left"), then each writes "0 left" and a sale. How many tickets are sold?',
      },
      proof: proof('read-then-write sells the last ticket twice'),
      answer: 2,
      unit: { de: 'Karten', en: 'tickets' },
      explanation: {
        de: 'Beide haben ihre Entscheidung auf denselben, inzwischen veralteten Wert gestützt: eine Race Condition. Ein bedingtes Update („nur wenn noch > 0“) lässt die Datenbank atomar entscheiden – dann gelingt genau ein Verkauf.',
        en: 'Both based their decision on the same, by then stale value: a race condition. A conditional update ("only if still > 0") lets the database decide atomically — then exactly one sale succeeds.',
      },
    },
    {
      id: 'lease-condition',
      kind: 'single',
      prompt: {
        de: 'Mehrere Worker wollen gleichzeitig einen Lease in DynamoDB übernehmen (`UpdateItem` auf das Lease-Item). Mit welcher `ConditionExpression` bekommt genau einer einen freien *oder abgelaufenen* Lease – und keiner einen gehaltenen?',
        en: 'Several workers try to take a lease in DynamoDB at the same time (`UpdateItem` on the lease item). With which `ConditionExpression` does exactly one get a free *or expired* lease — and nobody a held one?',
      },
      proof: proof('only the expiry condition gives a free or expired lease to exactly one worker'),
      options: [
        {
          id: 'not-exists-or-expired',
          text: { de: '`attribute_not_exists(pk) OR expiresAt < :now`', en: '`attribute_not_exists(pk) OR expiresAt < :now`' },
          correct: true,
          explanation: {
            de: 'Richtig: DynamoDB prüft die Bedingung und schreibt atomar. Der erste Schreiber setzt `expiresAt` in die Zukunft; für alle anderen ist die Bedingung dann falsch (`ConditionalCheckFailedException`).',
            en: 'Right: DynamoDB checks the condition and writes atomically. The first writer moves `expiresAt` into the future; for everyone else the condition is then false (`ConditionalCheckFailedException`).',
          },
        },
        {
          id: 'not-exists',
          text: { de: '`attribute_not_exists(pk)`', en: '`attribute_not_exists(pk)`' },
          correct: false,
          explanation: {
            de: 'Falsch: Den freien Lease bekommt genau einer – aber nach einem Absturz des Halters bleibt das Item für immer stehen, und niemand übernimmt.',
            en: 'Wrong: exactly one gets the free lease — but after the holder crashes the item stays forever and nobody takes over.',
          },
        },
        {
          id: 'exists',
          text: { de: '`attribute_exists(pk)`', en: '`attribute_exists(pk)`' },
          correct: false,
          explanation: {
            de: 'Falsch: Einen freien Lease bekommt so niemand, einen gehaltenen jeder.',
            en: 'Wrong: nobody gets a free lease this way, and everybody gets a held one.',
          },
        },
        {
          id: 'none',
          text: { de: 'Keine Bedingung – vorher mit `GetItem` prüfen, ob der Lease frei ist', en: 'No condition — check with `GetItem` first whether the lease is free' },
          correct: false,
          explanation: {
            de: 'Falsch: Zwischen Lesen und Schreiben liegt eine Lücke; alle lesen „frei“, alle schreiben, jeder hält sich für den Leader.',
            en: 'Wrong: there is a gap between read and write; everyone reads "free", everyone writes, and each believes it leads.',
          },
        },
      ],
    },
    {
      id: 'paused-leader-no-fencing',
      kind: 'single',
      prompt: {
        de: 'Ein Leader prüft, dass sein Lease (200 ms) gültig ist – dann friert eine Garbage-Collection-Pause ihn 500 ms ein. Inzwischen übernimmt ein anderer Worker und schreibt. Der Speicher prüft **keine** Fencing Tokens. Was passiert mit dem Schreibzugriff des alten Leaders, wenn er aufwacht?',
        en: 'A leader checks that its lease (200 ms) is valid — then a garbage-collection pause freezes it for 500 ms. Meanwhile another worker takes over and writes. The storage checks **no** fencing tokens. What happens to the old leader’s write when it wakes up?',
      },
      proof: proof('without fencing the paused old leader’s write is accepted'),
      options: [
        {
          id: 'accepted',
          text: { de: 'Er wird angenommen und überschreibt die Daten des neuen Leaders', en: 'It is accepted and overwrites the new leader’s data' },
          correct: true,
          explanation: {
            de: 'Richtig: Der alte Leader hat vor der Pause geprüft und weiß nichts von ihr. Der Speicher kennt keine Terme – zwei Leader haben geschrieben, der Speicher ist beschädigt.',
            en: 'Right: the old leader checked before the pause and knows nothing of it. The storage knows no terms — two leaders have written and the storage is corrupted.',
          },
        },
        {
          id: 'refused',
          text: { de: 'Er wird abgelehnt', en: 'It is refused' },
          correct: false,
          explanation: {
            de: 'Falsch: Ablehnen kann nur ein Speicher, der Tokens vergleicht. Ohne Fencing fehlt ihm jede Information, dass der Schreiber abgesetzt ist.',
            en: 'Wrong: only storage that compares tokens can refuse. Without fencing it has no way of knowing the writer was deposed.',
          },
        },
        {
          id: 'lease-blocks',
          text: { de: 'Der abgelaufene Lease verhindert den Schreibzugriff', en: 'The expired lease prevents the write' },
          correct: false,
          explanation: {
            de: 'Falsch: Der Lease ist nur ein Item in DynamoDB; der Schreibzugriff auf den Speicher fragt ihn nicht. Die Prüfung lag vor der Pause.',
            en: 'Wrong: the lease is just an item in DynamoDB; the write to the storage does not consult it. The check happened before the pause.',
          },
        },
        {
          id: 'renewed',
          text: { de: 'DynamoDB verlängert den Lease während der Pause automatisch', en: 'DynamoDB renews the lease automatically during the pause' },
          correct: false,
          explanation: {
            de: 'Falsch: Verlängern muss der Halter selbst – und der ist eingefroren. Genau deshalb läuft der Lease ab.',
            en: 'Wrong: the holder must renew it itself — and it is frozen. That is exactly why the lease expires.',
          },
        },
      ],
    },
    {
      id: 'paused-leader-fencing',
      kind: 'single',
      prompt: {
        de: 'Dasselbe Szenario, aber jeder Schreibzugriff trägt das Fencing Token des Leases (alter Leader 1, neuer Leader 2), und der Speicher lehnt Tokens ab, die kleiner sind als das größte gesehene. Was passiert mit dem Schreibzugriff des alten Leaders?',
        en: 'The same scenario, but every write carries the lease’s fencing token (old leader 1, new leader 2), and the storage refuses tokens lower than the highest it has seen. What happens to the old leader’s write?',
      },
      proof: proof('with fencing the paused old leader’s write is refused'),
      options: [
        {
          id: 'refused',
          text: { de: 'Er wird abgelehnt (Token 1 < 2)', en: 'It is refused (token 1 < 2)' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Speicher hat Token 2 gesehen; die Entscheidung fällt dort, wo der Schaden entstünde – nicht beim Schreiber, dessen Sicht veraltet sein kann.',
            en: 'Right: the storage has seen token 2; the decision is made where the damage would happen — not at the writer, whose view may be stale.',
          },
        },
        {
          id: 'accepted',
          text: { de: 'Er wird angenommen, weil der alte Leader vor der Pause gültig war', en: 'It is accepted because the old leader was valid before the pause' },
          correct: false,
          explanation: {
            de: 'Falsch: Gültig war er – jetzt ist er es nicht mehr, und das Token verrät es.',
            en: 'Wrong: it was valid — it is not any more, and the token gives that away.',
          },
        },
        {
          id: 'both-kept',
          text: { de: 'Beide Versionen werden aufbewahrt und später zusammengeführt', en: 'Both versions are kept and merged later' },
          correct: false,
          explanation: {
            de: 'Falsch: Das wäre Konfliktauflösung (z. B. mit Vektoruhren) für Systeme ohne Leader; Fencing verhindert den Konflikt.',
            en: 'Wrong: that would be conflict resolution (e.g. with vector clocks) for leaderless systems; fencing prevents the conflict.',
          },
        },
      ],
    },
    {
      id: 'split-brain-remedies',
      kind: 'multiple',
      prompt: {
        de: 'Was verhindert, dass ein Split Brain (zwei Knoten halten sich für den Leader) die Daten beschädigt?',
        en: 'What prevents a split brain (two nodes believe they lead) from corrupting the data?',
      },
      source: {
        title: 'M. Kleppmann: How to do distributed locking (2016)',
        url: 'https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html',
        checked: CHECKED,
      },
      options: [
        {
          id: 'quorum',
          text: { de: 'Entscheidungen nur mit Zustimmung einer Mehrheit (Quorum)', en: 'Decisions only with the consent of a majority (quorum)' },
          correct: true,
          explanation: {
            de: 'Richtig: Zwei Mehrheiten derselben Gruppe überschneiden sich; höchstens eine Seite einer Partition kann eine haben.',
            en: 'Right: two majorities of the same group overlap; at most one side of a partition can have one.',
          },
        },
        {
          id: 'fencing',
          text: { de: 'Fencing Tokens, die der Speicher prüft', en: 'Fencing tokens checked by the storage' },
          correct: true,
          explanation: {
            de: 'Richtig: Ein abgesetzter Leader, der es nicht weiß, wird am Speicher abgewiesen.',
            en: 'Right: a deposed leader that does not know it is turned away at the storage.',
          },
        },
        {
          id: 'ntp',
          text: { de: 'Alle Uhren per NTP synchronisieren', en: 'Synchronising all clocks with NTP' },
          correct: false,
          explanation: {
            de: 'Falsch: Synchronisierte Uhren begrenzen nur die Abweichung; gegen eine Pause oder eine Partition helfen sie nicht.',
            en: 'Wrong: synchronised clocks only bound the skew; they do nothing against a pause or a partition.',
          },
        },
        {
          id: 'longer-timeout',
          text: { de: 'Einen längeren Lease bzw. Timeout wählen', en: 'Choosing a longer lease or timeout' },
          correct: false,
          explanation: {
            de: 'Falsch: Das macht es seltener, nicht unmöglich – eine Pause kann immer länger dauern als jeder Lease – und verlängert die Übernahme nach einem echten Ausfall.',
            en: 'Wrong: that makes it rarer, not impossible — a pause can always outlast any lease — and it slows takeover after a real failure.',
          },
        },
      ],
    },
    {
      id: 'lamport-receive',
      kind: 'number',
      prompt: {
        de: 'Die Lamport-Uhr eines Prozesses steht auf 4. Er empfängt eine Nachricht mit dem Zeitstempel 9. Welchen Wert hat seine Uhr nach dem Empfang?',
        en: 'A process’s Lamport clock reads 4. It receives a message with timestamp 9. What does its clock read after the receive?',
      },
      proof: proof('a Lamport clock at 4 that receives 9 reads 10'),
      answer: 10,
      explanation: {
        de: 'max(4, 9) + 1 = 10: Der Empfang liegt nach dem Senden (9) und nach allem, was der Prozess selbst schon erlebt hat (4).',
        en: 'max(4, 9) + 1 = 10: the receive comes after the send (9) and after everything the process has seen itself (4).',
      },
    },
    {
      id: 'lamport-converse',
      kind: 'single',
      prompt: {
        de: 'Für zwei Ereignisse gilt L(a) < L(b) (Lamport-Zeitstempel). Was folgt daraus?',
        en: 'Two events have L(a) < L(b) (Lamport timestamps). What follows?',
      },
      proof: proof('L(a) < L(b) rules out b → a but does not imply a → b'),
      options: [
        {
          id: 'not-b-before-a',
          text: { de: 'b ist nicht vor a passiert (nicht b → a)', en: 'b did not happen before a (not b → a)' },
          correct: true,
          explanation: {
            de: 'Richtig: Wäre b → a, dann wäre L(b) < L(a). Mehr verrät der Zeitstempel nicht – a und b können auch nebenläufig sein.',
            en: 'Right: if b → a, then L(b) < L(a). The timestamp tells no more — a and b may also be concurrent.',
          },
        },
        {
          id: 'a-before-b',
          text: { de: 'a ist vor b passiert (a → b)', en: 'a happened before b (a → b)' },
          correct: false,
          explanation: {
            de: 'Falsch: Die Umkehrung gilt nicht. Zwei Prozesse, die nie Nachrichten tauschen, zählen unabhängig – ihre Ereignisse sind nebenläufig, die Zähler trotzdem geordnet. Erst Vektoruhren erkennen das.',
            en: 'Wrong: the converse does not hold. Two processes that never exchange messages count independently — their events are concurrent, yet the counters are ordered. Vector clocks detect this.',
          },
        },
        {
          id: 'concurrent',
          text: { de: 'a und b sind nebenläufig', en: 'a and b are concurrent' },
          correct: false,
          explanation: {
            de: 'Falsch: Sie können nebenläufig sein, aber auch a → b – der Zeitstempel unterscheidet das nicht.',
            en: 'Wrong: they may be concurrent, but a → b is possible too — the timestamp cannot tell.',
          },
        },
        {
          id: 'nothing',
          text: { de: 'Gar nichts über die Reihenfolge', en: 'Nothing at all about the order' },
          correct: false,
          explanation: {
            de: 'Falsch: Eines ist ausgeschlossen – dass b vor a passiert ist.',
            en: 'Wrong: one thing is ruled out — that b happened before a.',
          },
        },
      ],
    },
    {
      id: 'quorum-read',
      kind: 'number',
      prompt: {
        de: 'Ein Datensatz liegt auf N = 5 Replikaten; ein Schreibzugriff gilt als erfolgreich, wenn W = 3 Replikate ihn bestätigen. Wie viele Replikate R muss ein Lesezugriff mindestens fragen, damit er sicher mindestens eines mit dem letzten erfolgreichen Schreibzugriff erreicht?',
        en: 'A record lives on N = 5 replicas; a write counts as successful when W = 3 replicas acknowledge it. How many replicas R must a read ask at least, so that it surely reaches one that holds the last successful write?',
      },
      proof: proof('with N = 5 and W = 3 every read quorum of 3 meets every write quorum'),
      answer: 3,
      unit: { de: 'Replikate', en: 'replicas' },
      explanation: {
        de: 'R + W > N: 3 + 3 > 5, also überschneiden sich jede Lese- und jede Schreibmenge. Mit R = 2 könnte der Leser genau die zwei Replikate erwischen, die den Schreibzugriff verpasst haben.',
        en: 'R + W > N: 3 + 3 > 5, so every read set meets every write set. With R = 2 the reader could hit exactly the two replicas that missed the write.',
      },
    },
    {
      id: 'consistency-order',
      kind: 'ordering',
      prompt: {
        de: 'Ordne die Konsistenzmodelle vom stärksten zum schwächsten.',
        en: 'Order the consistency models from strongest to weakest.',
      },
      source: {
        title: 'Jepsen: Consistency Models (map of consistency models)',
        url: 'https://jepsen.io/consistency',
        checked: CHECKED,
      },
      items: [
        { id: 'linearizable', text: { de: 'Linearisierbar (strong)', en: 'Linearizable (strong)' } },
        { id: 'sequential', text: { de: 'Sequenziell', en: 'Sequential' } },
        { id: 'causal', text: { de: 'Kausal', en: 'Causal' } },
        { id: 'eventual', text: { de: 'Eventual', en: 'Eventual' } },
      ],
      explanation: {
        de: 'Linearisierbar: eine Reihenfolge, die zur Echtzeit passt. Sequenziell: eine Reihenfolge für alle, die die Programmreihenfolge jedes Prozesses wahrt, aber nicht die Echtzeit. Kausal: nur Ursache vor Wirkung, Nebenläufiges darf verschieden erscheinen. Eventual: ohne neue Schreibzugriffe nähern sich die Replikate irgendwann an.',
        en: 'Linearizable: one order that matches real time. Sequential: one order for everyone that keeps each process’s program order, but not real time. Causal: only cause before effect; concurrent writes may appear in different orders. Eventual: without new writes the replicas converge at some point.',
      },
    },
    {
      id: 'cap-proof',
      kind: 'short',
      prompt: {
        de: 'Eric Brewer stellte die CAP-Vermutung im Juli 2000 vor. Wer hat sie 2002 formal bewiesen? (Nachnamen genügen)',
        en: 'Eric Brewer presented the CAP conjecture in July 2000. Who proved it formally in 2002? (surnames are enough)',
      },
      source: {
        title: 'S. Gilbert, N. Lynch: Brewer’s conjecture and the feasibility of consistent, available, partition-tolerant web services, SIGACT News 33(2), 2002',
        url: 'https://dl.acm.org/doi/10.1145/564585.564601',
        checked: CHECKED,
      },
      accept: ['Gilbert and Lynch', 'Gilbert & Lynch', 'Gilbert und Lynch', 'Gilbert, Lynch', 'Seth Gilbert and Nancy Lynch', 'Seth Gilbert und Nancy Lynch', 'Lynch and Gilbert', 'Lynch und Gilbert'],
      explanation: {
        de: 'Seth Gilbert und Nancy Lynch (MIT) bewiesen sie 2002 für ein asynchrones Netzwerkmodell. Daniel Abadi ergänzte 2012 PACELC: Auch ohne Partition muss man zwischen Latenz und Konsistenz wählen.',
        en: 'Seth Gilbert and Nancy Lynch (MIT) proved it in 2002 for an asynchronous network model. Daniel Abadi added PACELC in 2012: even without a partition you choose between latency and consistency.',
      },
    },
    {
      id: 'history-order',
      kind: 'ordering',
      prompt: {
        de: 'Ordne chronologisch, vom ältesten zum jüngsten.',
        en: 'Put these in chronological order, oldest first.',
      },
      source: {
        title: 'Lamport, CACM 21(7), 1978; Brewer, PODC keynote, 2000; Gilbert & Lynch, SIGACT News, 2002; Abadi, IEEE Computer, 2012; AWS, DynamoDB global tables MRSC, 2025',
        url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html',
        checked: CHECKED,
      },
      items: [
        { id: 'lamport', text: { de: 'Lamport: „Time, Clocks, and the Ordering of Events“', en: 'Lamport: “Time, Clocks, and the Ordering of Events”' } },
        { id: 'cap-conjecture', text: { de: 'Brewers CAP-Vermutung', en: 'Brewer’s CAP conjecture' } },
        { id: 'cap-proof', text: { de: 'Beweis von CAP durch Gilbert und Lynch', en: 'Gilbert and Lynch prove CAP' } },
        { id: 'pacelc', text: { de: 'Abadis PACELC', en: 'Abadi’s PACELC' } },
        { id: 'mrsc', text: { de: 'DynamoDB Global Tables mit starker Konsistenz über Regionen (MRSC)', en: 'DynamoDB global tables with multi-Region strong consistency (MRSC)' } },
      ],
      explanation: {
        de: '1978 – 2000 – 2002 – 2012 – 2025: Die Theorie ist fast 50 Jahre alt; dass ein Cloud-Dienst starke Konsistenz über Regionen per Schalter anbietet, ist neu.',
        en: '1978 – 2000 – 2002 – 2012 – 2025: the theory is almost 50 years old; a cloud service offering strong consistency across Regions at the flip of a switch is new.',
      },
    },
  ],
});
