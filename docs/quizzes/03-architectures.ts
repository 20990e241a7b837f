/**
 * Chapter 3 quiz: architectures and communication. Keyed answers about SNS and SQS behaviour are proven by
 * `labs/fanout/proofs/proofs.test.ts` against the local cloud; facts from standards, books and vendor documentation
 * name their source.
 */
import { defineQuiz, type ProofRef } from './quiz.ts';

const CHECKED = '2026-11-28';
const fanoutProof = (name: string): ProofRef => ({ test: 'labs/fanout/proofs/proofs.test.ts', name });

export default defineQuiz({
  chapter: '03-architectures',
  questions: [
    {
      id: 'filter-policy-amount',
      kind: 'multiple',
      prompt: {
        de: 'Die Fraud-Queue abonniert das Topic mit der Filter-Policy `{"amount": [{"numeric": [">", 100]}]}`. Drei Bestellungen werden veröffentlicht, `amount` jeweils als Number-Attribut: 40, 100 und 250. Welche landen in der Fraud-Queue?',
        en: 'The fraud queue subscribes to the topic with the filter policy `{"amount": [{"numeric": [">", 100]}]}`. Three orders are published, each with `amount` as a Number attribute: 40, 100 and 250. Which ones reach the fraud queue?',
      },
      proof: fanoutProof('a filter policy amount > 100 lets only the 250 order into the fraud queue'),
      options: [
        { id: '40', text: { de: '40', en: '40' }, correct: false, explanation: { de: 'Falsch: 40 ist nicht größer als 100; SNS verwirft die Zustellung an dieses Abo.', en: 'Wrong: 40 is not greater than 100; SNS drops the delivery to this subscription.' } },
        { id: '100', text: { de: '100', en: '100' }, correct: false, explanation: { de: 'Falsch: `>` ist strikt. Für „ab 100“ braucht es `">=", 100`.', en: 'Wrong: `>` is strict. “From 100 on” needs `">=", 100`.' } },
        { id: '250', text: { de: '250', en: '250' }, correct: true, explanation: { de: 'Richtig: nur 250 erfüllt `> 100`. Die anderen Abos (ohne Filter) bekommen alle drei.', en: 'Right: only 250 satisfies `> 100`. The other subscriptions (without a filter) get all three.' } },
      ],
    },
    {
      id: 'unsubscribed-queue',
      kind: 'number',
      prompt: {
        de: 'Eine SQS-Queue existiert, ist aber nicht auf das Topic abonniert. Auf das Topic werden drei Bestellungen veröffentlicht. Wie viele Nachrichten liegen danach in dieser Queue?',
        en: 'An SQS queue exists but is not subscribed to the topic. Three orders are published to the topic. How many messages are in that queue afterwards?',
      },
      proof: fanoutProof('a queue that is not subscribed receives none of three published orders'),
      answer: 0,
      explanation: {
        de: 'Pub/Sub entkoppelt Sender und Empfänger, aber nur über das Abonnement: Der Sender kennt nur das Topic, und das Topic liefert nur an seine Abonnenten.',
        en: 'Pub/sub decouples sender and receivers, but only through the subscription: the sender knows only the topic, and the topic delivers only to its subscribers.',
      },
    },
    {
      id: 'late-subscriber',
      kind: 'single',
      prompt: {
        de: 'Eine Bestellung wird veröffentlicht; danach abonniert eine neue Queue das Topic, dann folgt eine zweite Bestellung. Was findet die neue Queue vor?',
        en: 'An order is published; then a new queue subscribes to the topic, and a second order follows. What does the new queue find?',
      },
      proof: fanoutProof('a queue subscribed after a publish does not receive that earlier message'),
      options: [
        { id: 'only-later', text: { de: 'Nur die zweite Bestellung', en: 'Only the second order' }, correct: true, explanation: { de: 'Richtig: SNS stellt zu, sobald veröffentlicht wird, an die Abos, die dann bestehen. Ein Standard-Topic hält keinen Rückstand für spätere Abonnenten (nur FIFO-Topics bieten optional Archiv und Replay).', en: 'Right: SNS delivers at publish time to the subscriptions that exist then. A standard topic keeps no backlog for later subscribers (only FIFO topics offer optional archive and replay).' } },
        { id: 'delivered-late', text: { de: 'Beide Bestellungen – das Topic hebt Nachrichten auf', en: 'Both orders — the topic keeps messages' }, correct: false, explanation: { de: 'Falsch: Das Topic ist kein Speicher. Aufheben tut die Queue – aber erst ab dem Abo.', en: 'Wrong: the topic is not a store. The queue keeps messages — but only from the subscription on.' } },
        { id: 'nothing', text: { de: 'Nichts, bis das Topic neu angelegt wird', en: 'Nothing until the topic is recreated' }, correct: false, explanation: { de: 'Falsch: Ein neues Abo gilt ab sofort (bei SQS ohne Bestätigung im selben Konto).', en: 'Wrong: a new subscription applies at once (for SQS in the same account without confirmation).' } },
      ],
    },
    {
      id: 'raw-delivery-off',
      kind: 'single',
      prompt: {
        de: 'Eine Queue abonniert ein SNS-Topic ohne `RawMessageDelivery`. Was steht im Body der SQS-Nachricht?',
        en: 'A queue subscribes to an SNS topic without `RawMessageDelivery`. What is in the body of the SQS message?',
      },
      proof: fanoutProof('without raw delivery the queue gets the SNS envelope with the order as a string in Message'),
      options: [
        { id: 'envelope', text: { de: 'Ein JSON-Umschlag von SNS (`Type`, `MessageId`, `TopicArn`, …) mit der Nachricht als String in `Message`', en: 'A JSON envelope from SNS (`Type`, `MessageId`, `TopicArn`, …) with the message as a string in `Message`' }, correct: true, explanation: { de: 'Richtig: Der Konsument muss zweimal parsen. Mit `RawMessageDelivery=true` käme die Nachricht selbst, und die Message-Attribute würden zu SQS-Attributen.', en: 'Right: the consumer has to parse twice. With `RawMessageDelivery=true` the message itself arrives, and the message attributes become SQS attributes.' } },
        { id: 'bare', text: { de: 'Genau die veröffentlichte Nachricht', en: 'Exactly the published message' }, correct: false, explanation: { de: 'Falsch: Das ist Raw Delivery, die man pro Abo einschalten muss.', en: 'Wrong: that is raw delivery, which has to be switched on per subscription.' } },
        { id: 'base64', text: { de: 'Die Nachricht Base64-kodiert', en: 'The message, Base64-encoded' }, correct: false, explanation: { de: 'Falsch: SNS kodiert den Text nicht um; es verpackt ihn in JSON.', en: 'Wrong: SNS does not re-encode the text; it wraps it in JSON.' } },
      ],
    },
    {
      id: 'fanout-copies',
      kind: 'number',
      prompt: {
        de: 'Eine Nachricht wird einmal auf ein Topic mit drei abonnierten Queues veröffentlicht. Wie viele Nachrichten liegen danach insgesamt in den Queues?',
        en: 'A message is published once to a topic with three subscribed queues. How many messages are in the queues in total afterwards?',
      },
      proof: fanoutProof('one publish to a topic with three subscribed queues leaves one copy in each: three messages'),
      answer: 3,
      explanation: {
        de: 'Fan-out: Das Topic vervielfacht die Nachricht erst in der Middleware – eine Kopie pro Abo. Der Sender schickt sie nur einmal.',
        en: 'Fan-out: the topic multiplies the message only in the middleware — one copy per subscription. The sender sends it once.',
      },
    },
    {
      id: 'competing-consumers',
      kind: 'number',
      prompt: {
        de: 'Zwei Konsumenten holen Nachrichten aus derselben SQS-Queue. Eine Nachricht kommt an. Wie viele der beiden bekommen sie (solange die Sichtbarkeitszeit läuft)?',
        en: 'Two consumers receive from the same SQS queue. One message arrives. How many of them get it (while its visibility timeout runs)?',
      },
      proof: fanoutProof('two consumers polling one queue: a message goes to one of them, not to both'),
      answer: 1,
      explanation: {
        de: 'Eine Queue verteilt Arbeit (competing consumers): Jede Nachricht geht an einen Konsumenten. Wer jede Nachricht an viele verteilen will, braucht Pub/Sub – z. B. ein Topic mit einer Queue pro Konsument. Achtung: Standard-Queues liefern at-least-once, eine Nachricht kann selten doppelt kommen.',
        en: 'A queue distributes work (competing consumers): each message goes to one consumer. To give every message to many, use pub/sub — e.g. a topic with one queue per consumer. Note: standard queues deliver at least once, so a message can rarely come twice.',
      },
    },
    {
      id: 'multicast-layer',
      kind: 'single',
      prompt: {
        de: 'Auf welcher Ebene arbeitet IP-Multicast, und mit welchem Transportprotokoll wird es benutzt?',
        en: 'At which layer does IP multicast work, and with which transport protocol is it used?',
      },
      source: { title: 'RFC 1112: Host Extensions for IP Multicasting (1989); RFC 9293: TCP (connections are between two endpoints)', url: 'https://www.rfc-editor.org/rfc/rfc1112', checked: CHECKED },
      options: [
        { id: 'network-udp', text: { de: 'Vermittlungsschicht (IP), mit UDP', en: 'Network layer (IP), with UDP' }, correct: true, explanation: { de: 'Richtig: Multicast-Gruppen sind IP-Adressen (224.0.0.0/4); Router vervielfältigen die Pakete. TCP kann das nicht, weil eine TCP-Verbindung genau zwei Endpunkte hat.', en: 'Right: multicast groups are IP addresses (224.0.0.0/4); routers replicate the packets. TCP cannot do this, because a TCP connection has exactly two endpoints.' } },
        { id: 'transport-tcp', text: { de: 'Transportschicht, mit TCP', en: 'Transport layer, with TCP' }, correct: false, explanation: { de: 'Falsch (und ein Fehler der Seed-Folie): TCP ist strikt eins-zu-eins.', en: 'Wrong (and an error on the seed slide): TCP is strictly one-to-one.' } },
        { id: 'application-http', text: { de: 'Anwendungsschicht, mit HTTP', en: 'Application layer, with HTTP' }, correct: false, explanation: { de: 'Falsch: Eins-zu-viele auf Anwendungsebene ist Middleware (SNS, WebSocket-APIs), kein IP-Multicast.', en: 'Wrong: one-to-many at the application level is middleware (SNS, WebSocket APIs), not IP multicast.' } },
      ],
    },
    {
      id: 'tiers-vs-layers',
      kind: 'single',
      prompt: {
        de: 'Wie verhalten sich Schichten (Layers) und Stufen (Tiers) zueinander?',
        en: 'How do layers and tiers relate to each other?',
      },
      source: { title: 'G. Coulouris, J. Dollimore, T. Kindberg, G. Blair: Distributed Systems — Concepts and Design, 5th ed., 2011, section 2.3.2 (layering, tiered architecture)', checked: CHECKED },
      options: [
        { id: 'complementary', text: { de: 'Sie ergänzen sich: Schichten ordnen Dienste vertikal (oben nutzt unten), Stufen verteilen Aufgaben horizontal auf Prozesse oder Rechner', en: 'They complement each other: layers organise services vertically (upper uses lower), tiers split responsibilities horizontally across processes or machines' }, correct: true, explanation: { de: 'Richtig: Eine Three-Tier-Anwendung läuft auf jeder Stufe auf einem Schichtenstapel aus Plattform und Middleware.', en: 'Right: a three-tier application runs on each tier on a stack of platform and middleware layers.' } },
        { id: 'same', text: { de: 'Zwei Namen für dasselbe', en: 'Two names for the same thing' }, correct: false, explanation: { de: 'Falsch: Schichten beschreiben Abhängigkeiten, Stufen beschreiben Verteilung.', en: 'Wrong: layers describe dependencies, tiers describe distribution.' } },
        { id: 'exclusive', text: { de: 'Ein System ist entweder geschichtet oder gestuft', en: 'A system is either layered or tiered' }, correct: false, explanation: { de: 'Falsch: Fast jedes System ist beides.', en: 'Wrong: almost every system is both.' } },
      ],
    },
    {
      id: 'cosmos-default-consistency',
      kind: 'single',
      prompt: { de: 'Welche Konsistenzstufe ist bei Azure Cosmos DB voreingestellt?', en: 'Which consistency level is Azure Cosmos DB’s default?' },
      source: { title: 'Microsoft Learn: Consistency levels in Azure Cosmos DB', url: 'https://learn.microsoft.com/azure/cosmos-db/consistency-levels', checked: CHECKED },
      options: [
        { id: 'strong', text: { de: 'Strong', en: 'Strong' }, correct: false, explanation: { de: 'Falsch: Strong kostet Latenz über Regionen hinweg und muss bewusst gewählt werden.', en: 'Wrong: strong costs latency across regions and has to be chosen deliberately.' } },
        { id: 'session', text: { de: 'Session', en: 'Session' }, correct: true, explanation: { de: 'Richtig: Session garantiert einem Client, seine eigenen Schreibvorgänge zu lesen; andere Clients sehen sie vielleicht später. Die fünf Stufen: Strong, Bounded staleness, Session, Consistent prefix, Eventual.', en: 'Right: session guarantees a client reads its own writes; other clients may see them later. The five levels: strong, bounded staleness, session, consistent prefix, eventual.' } },
        { id: 'eventual', text: { de: 'Eventual', en: 'Eventual' }, correct: false, explanation: { de: 'Falsch: Eventual ist die schwächste Stufe, nicht die voreingestellte.', en: 'Wrong: eventual is the weakest level, not the default.' } },
      ],
    },
    {
      id: 'dynamodb-global-tables',
      kind: 'single',
      prompt: {
        de: 'DynamoDB Global Tables replizieren eine Tabelle in mehrere Regionen. Was gilt seit Juni 2025?',
        en: 'DynamoDB global tables replicate a table into several Regions. What holds since June 2025?',
      },
      source: { title: 'AWS: DynamoDB global tables — multi-Region eventual (MREC) and strong (MRSC) consistency', url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html', checked: CHECKED },
      options: [
        { id: 'two-modes', text: { de: 'Man wählt beim Anlegen: MREC (eventual, last writer wins, Standard) oder MRSC (stark konsistent, drei Regionen oder zwei plus Witness)', en: 'You choose at creation: MREC (eventual, last writer wins, default) or MRSC (strongly consistent, three Regions or two plus a witness)' }, correct: true, explanation: { de: 'Richtig: Starke Konsistenz über Regionen kostet Schreiblatenz (Quorum über Regionen) – der Preis, den das CAP-/PACELC-Kapitel erklärt.', en: 'Right: strong consistency across Regions costs write latency (a quorum across Regions) — the price the CAP/PACELC chapter explains.' } },
        { id: 'always-strong', text: { de: 'Alle Global Tables sind stark konsistent', en: 'All global tables are strongly consistent' }, correct: false, explanation: { de: 'Falsch: Der Standard MREC ist eventual consistent; gleichzeitige Schreibvorgänge in zwei Regionen entscheidet „last writer wins“.', en: 'Wrong: the default MREC is eventually consistent; concurrent writes in two Regions are settled by last writer wins.' } },
        { id: 'single-writer', text: { de: 'Nur eine Region darf schreiben', en: 'Only one Region may write' }, correct: false, explanation: { de: 'Falsch: Global Tables sind multi-active; jede Replik nimmt Schreibvorgänge an.', en: 'Wrong: global tables are multi-active; every replica accepts writes.' } },
      ],
    },
  ],
});
