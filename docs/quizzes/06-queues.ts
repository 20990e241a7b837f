/**
 * Chapter 6 quiz: queues and mutual exclusion. Keyed answers about queue and database behaviour are proven by
 * `labs/queue/proofs/proofs.test.ts` against the local cloud; definitions and documented limits name their source.
 */
import { defineQuiz, type ProofRef } from './quiz.ts';

const PROOFS = 'labs/queue/proofs/proofs.test.ts';
const proof = (name: string): ProofRef => ({ test: PROOFS, name });
const CHECKED = '2026-11-28';

export default defineQuiz({
  chapter: '06-queues',
  questions: [
    {
      id: 'standard-duplicate',
      kind: 'single',
      prompt: {
        de: 'Ein Producer schickt **eine** Nachricht **einmal** an eine SQS-Standard-Queue. Was kann der Consumer erleben?',
        en: 'A producer sends **one** message **once** to an SQS standard queue. What may the consumer experience?',
      },
      proof: proof('a standard queue may deliver the same message twice'),
      options: [
        {
          id: 'twice',
          text: { de: 'Er kann dieselbe Nachricht (dieselbe `MessageId`) zweimal bekommen', en: 'It may receive the same message (the same `MessageId`) twice' },
          correct: true,
          explanation: {
            de: 'Richtig: Standard-Queues stellen **mindestens einmal** zu. Weil SQS Nachrichten redundant auf mehrere Server verteilt, kann eine Kopie gelegentlich ein zweites Mal ausgeliefert werden – auch ohne Absturz und ohne Timeout. Der Consumer muss idempotent sein.',
            en: 'Right: standard queues deliver **at least once**. Because SQS stores messages redundantly on several servers, a copy may occasionally be delivered a second time — without any crash or timeout. The consumer must be idempotent.',
          },
        },
        {
          id: 'exactly-once',
          text: { de: 'Genau einmal – was einmal gesendet wurde, kommt einmal an', en: 'Exactly once — what was sent once arrives once' },
          correct: false,
          explanation: {
            de: 'Falsch: Das garantiert keine Standard-Queue. Nur FIFO-Queues verhindern Duplikate beim Einstellen (5-Minuten-Fenster), und selbst dort ist die Verarbeitung nicht Ende-zu-Ende genau einmal.',
            en: 'Wrong: no standard queue guarantees that. Only FIFO queues keep duplicates out when sending (5-minute window), and even there processing is not end-to-end exactly-once.',
          },
        },
        {
          id: 'in-order',
          text: { de: 'Genau einmal und garantiert in Sendereihenfolge', en: 'Exactly once and guaranteed in send order' },
          correct: false,
          explanation: {
            de: 'Falsch, gleich doppelt: Standard-Queues ordnen nur nach bestem Bemühen (best-effort ordering) und stellen mindestens einmal zu. Die Seed-Notiz „in der Reihenfolge ihrer Ankunft“ stimmt nur für FIFO-Queues, und dort nur pro Nachrichtengruppe.',
            en: 'Wrong twice: standard queues order on a best-effort basis and deliver at least once. The seed note "in the order they arrived" is true only for FIFO queues, and there only per message group.',
          },
        },
      ],
    },
    {
      id: 'fifo-group-blocks',
      kind: 'single',
      prompt: {
        de: 'Eine FIFO-Queue enthält A und B in der Nachrichtengruppe `konzert-1` und C in der Gruppe `konzert-2`. Consumer 1 empfängt A und verarbeitet sie noch (A ist in flight). Jetzt fragt Consumer 2 nach bis zu 10 Nachrichten. Was bekommt er?',
        en: 'A FIFO queue holds A and B in message group `concert-1` and C in group `concert-2`. Consumer 1 receives A and is still processing it (A is in flight). Now consumer 2 asks for up to 10 messages. What does it get?',
      },
      proof: proof('a FIFO message group blocks while one of its messages is in flight'),
      options: [
        {
          id: 'only-c',
          text: { de: 'Nur C', en: 'Only C' },
          correct: true,
          explanation: {
            de: 'Richtig: Solange eine Nachricht einer Gruppe in flight ist, gibt SQS aus dieser Gruppe nichts heraus – sonst könnte B vor A fertig werden. Andere Gruppen laufen weiter. Die Gruppe ist damit die Einheit der Reihenfolge **und** der Parallelität: eine Gruppe pro Veranstaltung serialisiert die Verkäufe dieser Veranstaltung.',
            en: 'Right: while one message of a group is in flight, SQS hands out nothing else from that group — otherwise B could finish before A. Other groups keep flowing. The group is the unit of ordering **and** of parallelism: one group per event serialises that event’s sales.',
          },
        },
        {
          id: 'b-and-c',
          text: { de: 'B und C', en: 'B and C' },
          correct: false,
          explanation: {
            de: 'Falsch: B würde dann parallel zu A verarbeitet und könnte vor A fertig sein – die Reihenfolge in der Gruppe wäre verloren. So verhält sich eine Standard-Queue.',
            en: 'Wrong: B would then be processed alongside A and could finish first — the order within the group would be lost. That is how a standard queue behaves.',
          },
        },
        {
          id: 'nothing',
          text: { de: 'Nichts – die ganze Queue wartet, bis A gelöscht ist', en: 'Nothing — the whole queue waits until A is deleted' },
          correct: false,
          explanation: {
            de: 'Falsch: Gesperrt ist nur die Gruppe von A. Deshalb skaliert eine FIFO-Queue über viele Gruppen-IDs (bis zu 120.000 Nachrichten in flight); eine einzige Gruppe wäre ein einziger Consumer.',
            en: 'Wrong: only A’s group is blocked. That is why a FIFO queue scales across many group ids (up to 120,000 messages in flight); a single group would be a single consumer.',
          },
        },
      ],
    },
    {
      id: 'visibility-reappear',
      kind: 'number',
      prompt: {
        de: 'Ein Consumer empfängt eine Nachricht aus einer Queue mit dem Standard-Visibility-Timeout und stürzt ab, ohne sie zu löschen. Nach wie vielen Sekunden kann ein anderer Consumer sie frühestens wieder empfangen?',
        en: 'A consumer receives a message from a queue with the default visibility timeout and crashes without deleting it. After how many seconds, at the earliest, can another consumer receive it again?',
      },
      proof: proof('an undeleted message reappears after its visibility timeout'),
      answer: 30,
      unit: { de: 'Sekunden', en: 'seconds' },
      explanation: {
        de: '30 s ist der Standard (einstellbar von 0 s bis 12 h). Empfangen heißt bei SQS nicht entfernen: Die Nachricht wird nur unsichtbar. Läuft der Timeout ab, ohne dass jemand `DeleteMessage` aufgerufen hat, wird sie wieder sichtbar und mit einem neuen Receipt Handle erneut zugestellt (`ApproximateReceiveCount` = 2). Der abgelaufene Timeout ist die implizite negative Bestätigung.',
        en: '30 s is the default (configurable from 0 s to 12 h). Receiving does not remove a message in SQS: it only becomes invisible. If the timeout runs out before anyone calls `DeleteMessage`, it becomes visible again and is delivered anew with a new receipt handle (`ApproximateReceiveCount` = 2). The expired timeout is the implicit negative acknowledgement.',
      },
    },
    {
      id: 'ack-by-delete',
      kind: 'single',
      prompt: {
        de: 'Womit bestätigt ein SQS-Consumer, dass er eine Nachricht fertig verarbeitet hat?',
        en: 'How does an SQS consumer confirm that it has finished processing a message?',
      },
      proof: proof('deleting with the receipt handle is the acknowledgement'),
      options: [
        {
          id: 'delete',
          text: { de: '`DeleteMessage` mit dem Receipt Handle, nach der Verarbeitung und vor Ablauf des Visibility Timeouts', en: '`DeleteMessage` with the receipt handle, after processing and before the visibility timeout ends' },
          correct: true,
          explanation: {
            de: 'Richtig: Löschen ist die Bestätigung. Danach kommt die Nachricht auch nach dem Visibility Timeout nicht wieder. Wer vor der Verarbeitung löscht, verliert die Nachricht bei einem Absturz.',
            en: 'Right: deleting is the acknowledgement. After it, the message does not come back even once the visibility timeout has passed. Deleting before processing loses the message if the consumer crashes.',
          },
        },
        {
          id: 'receive-200',
          text: { de: 'Die 200-Antwort von `ReceiveMessage` genügt', en: 'The 200 answer of `ReceiveMessage` is enough' },
          correct: false,
          explanation: {
            de: 'Falsch: Empfangen macht die Nachricht nur für die Dauer des Visibility Timeouts unsichtbar. Ohne Löschen kommt sie wieder.',
            en: 'Wrong: receiving only hides the message for the visibility timeout. Without a delete it comes back.',
          },
        },
        {
          id: 'send-200',
          text: { de: 'Die `MessageId`, die der Producer auf `SendMessage` zurückbekommt', en: 'The `MessageId` the producer gets back from `SendMessage`' },
          correct: false,
          explanation: {
            de: 'Falsch: Das bestätigt dem Producer, dass SQS die Nachricht **angenommen** und gespeichert hat – über die Verarbeitung sagt es nichts.',
            en: 'Wrong: that confirms to the producer that SQS **accepted** and stored the message — it says nothing about processing.',
          },
        },
      ],
    },
    {
      id: 'receipt-assurance',
      kind: 'multiple',
      prompt: {
        de: '„Wie kann der Server sicher sein, dass eine Nachricht angekommen ist?“ Welche dieser Mechanismen sind Bestätigungen (Acknowledgements)?',
        en: '"How can the server be assured a message was received?" Which of these mechanisms are acknowledgements?',
      },
      source: {
        title: 'AWS SQS Developer Guide: Amazon SQS visibility timeout; API DeleteMessage; RabbitMQ docs: Consumer Acknowledgements and Publisher Confirms; Apache Kafka docs: consumer offsets',
        url: 'https://www.rabbitmq.com/docs/confirms',
        checked: CHECKED,
      },
      options: [
        {
          id: 'http-2xx',
          text: { de: 'Eine 2xx-Antwort auf die Anfrage, z. B. die `MessageId` auf `SendMessage`', en: 'A 2xx response to the request, e.g. the `MessageId` returned by `SendMessage`' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Empfänger (hier SQS) bestätigt dem Sender, dass er die Nachricht dauerhaft angenommen hat. Bleibt die Antwort aus, muss der Sender wiederholen – mit demselben Idempotenzschlüssel.',
            en: 'Right: the receiver (here SQS) confirms to the sender that it has durably accepted the message. If the answer is missing, the sender must retry — with the same idempotency key.',
          },
        },
        {
          id: 'sqs-delete',
          text: { de: 'SQS: `DeleteMessage` nach der Verarbeitung; der Visibility Timeout als implizites „nicht fertig“', en: 'SQS: `DeleteMessage` after processing; the visibility timeout as the implicit "not done"' },
          correct: true,
          explanation: {
            de: 'Richtig: Das ist die Bestätigung auf der Consumer-Seite.',
            en: 'Right: that is the acknowledgement on the consumer side.',
          },
        },
        {
          id: 'rabbit-acks',
          text: { de: 'RabbitMQ: Consumer-Acks (`basic.ack`/`basic.nack`) und Publisher Confirms', en: 'RabbitMQ: consumer acks (`basic.ack`/`basic.nack`) and publisher confirms' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Broker entfernt eine Nachricht erst nach dem Ack des Consumers; bricht die Verbindung vorher ab, stellt er sie erneut zu. Publisher Confirms sind die Bestätigung in die Gegenrichtung.',
            en: 'Right: the broker removes a message only after the consumer’s ack; if the connection drops first, it redelivers. Publisher confirms are the acknowledgement in the other direction.',
          },
        },
        {
          id: 'kafka-offsets',
          text: { de: 'Kafka: der committete Offset der Consumer Group', en: 'Kafka: the consumer group’s committed offset' },
          correct: true,
          explanation: {
            de: 'Richtig: Kafka löscht nichts beim Lesen; die Gruppe merkt sich, bis wohin sie verarbeitet hat. Commit nach der Verarbeitung ergibt at-least-once.',
            en: 'Right: Kafka deletes nothing on read; the group records how far it has processed. Committing after processing gives at-least-once.',
          },
        },
        {
          id: 'middleware',
          text: { de: '„Durch Validatoren und Middlewares“', en: '"Using validators and middlewares"' },
          correct: false,
          explanation: {
            de: 'Falsch (Antwort aus den Studierendennotizen): Validierung prüft, ob eine Nachricht wohlgeformt ist – sie sagt dem Absender nicht, dass sie angekommen oder verarbeitet wurde. Auch die zweite Notiz („wir bekommen ja eine Nachricht“) greift zu kurz: Der Absender weiß es erst durch eine Rückmeldung; ohne Bestätigung sehen „angekommen“ und „unterwegs verloren“ gleich aus.',
            en: 'Wrong (the answer in the student notes): validation checks that a message is well formed — it does not tell the sender that it arrived or was processed. The other note ("we’ll receive a message") falls short too: the sender knows only from a reply; without an acknowledgement, "arrived" and "lost on the way" look the same.',
          },
        },
      ],
    },
    {
      id: 'fifo-dedup',
      kind: 'number',
      prompt: {
        de: 'Der Producer schickt eine Bestellung an eine FIFO-Queue, bekommt keine Antwort (Timeout) und schickt sie zwei Sekunden später noch einmal – mit derselben `MessageDeduplicationId`. Wie viele Nachrichten kann ein Consumer insgesamt empfangen?',
        en: 'The producer sends an order to a FIFO queue, gets no answer (timeout) and sends it again two seconds later — with the same `MessageDeduplicationId`. How many messages can a consumer receive in total?',
      },
      proof: proof('a FIFO queue drops a resend with the same deduplication id within five minutes'),
      answer: 1,
      unit: { de: 'Nachrichten', en: 'messages' },
      explanation: {
        de: 'Eine. SQS merkt sich die Deduplizierungs-ID **5 Minuten** lang (auch wenn die Nachricht inzwischen gelöscht wurde) und nimmt den zweiten Send mit Erfolg an, stellt ihn aber nicht ein. Kommt die Wiederholung erst nach dem Fenster, ist sie wieder eine neue Nachricht – deshalb bleibt der Consumer trotzdem idempotent.',
        en: 'One. SQS remembers the deduplication id for **5 minutes** (even after the message was deleted) and accepts the second send successfully without enqueuing it. A retry after the window is a new message again — which is why the consumer stays idempotent anyway.',
      },
    },
    {
      id: 'dlq-max-receives',
      kind: 'number',
      prompt: {
        de: 'Eine Queue hat eine Redrive Policy mit `maxReceiveCount: 3`. Eine Giftnachricht lässt den Consumer jedes Mal scheitern (er löscht sie nie). Wie oft kann ein Consumer sie aus der Quell-Queue empfangen, bevor SQS sie in die Dead-Letter-Queue verschiebt?',
        en: 'A queue has a redrive policy with `maxReceiveCount: 3`. A poison message makes the consumer fail every time (it never deletes it). How many times can a consumer receive it from the source queue before SQS moves it to the dead-letter queue?',
      },
      proof: proof('a poison message moves to the dead-letter queue after maxReceiveCount receives'),
      answer: 3,
      unit: { de: 'Empfänge', en: 'receives' },
      explanation: {
        de: 'Dreimal. Nach jedem Empfang ohne Löschen läuft der Visibility Timeout ab; beim nächsten Empfang nach dem dritten verschiebt SQS die Nachricht in die DLQ (gleiche `MessageId`, gleicher Inhalt). Ohne DLQ würde eine Giftnachricht bis zum Ende der Aufbewahrung (Standard 4 Tage, höchstens 14) immer wieder zugestellt – und in einer FIFO-Gruppe alles hinter ihr blockieren. Ein Alarm auf die Tiefe der DLQ meldet, dass jemand hinschauen muss.',
        en: 'Three times. After each receive without a delete the visibility timeout runs out; on the next receive after the third, SQS moves the message to the DLQ (same `MessageId`, same body). Without a DLQ a poison message would be delivered again and again until retention ends (4 days by default, at most 14) — and in a FIFO group it would block everything behind it. An alarm on the DLQ’s depth tells someone to look.',
      },
    },
    {
      id: 'naive-oversell',
      kind: 'number',
      prompt: {
        de: 'Das Buch mit der Auflage **1**. Zwei Consumer verarbeiten gleichzeitig je eine Bestellung mit dem naiven Verfahren „Bestand lesen, im Code prüfen, Bestand − 1 zurückschreiben“ (ohne Bedingung). Beide lesen, bevor einer schreibt. Wie viele Bestellungen werden bestätigt?',
        en: 'The book with an edition of **1**. Two consumers each process an order at the same time with the naive method "read the stock, check it in code, write stock − 1 back" (no condition). Both read before either writes. How many orders are confirmed?',
      },
      proof: proof('read-then-write without a condition sells the last book twice'),
      answer: 2,
      unit: { de: 'Bestellungen', en: 'orders' },
      explanation: {
        de: 'Zwei – das Buch ist doppelt verkauft. Beide lesen „1 übrig“, beide prüfen erfolgreich, beide schreiben 0. Der Bestand sieht danach sogar korrekt aus (0), nur die zweite Änderung hat die erste überschrieben (lost update). Die Prüfung im Code und das Schreiben sind kein atomarer Schritt; die Lösung ist ein bedingtes Schreiben (`ConditionExpression: remaining >= :n`) oder eine Transaktion.',
        en: 'Two — the book is sold twice. Both read "1 left", both checks pass, both write 0. The stock even looks right afterwards (0); the second write simply overwrote the first (lost update). The check in code and the write are not one atomic step; the fix is a conditional write (`ConditionExpression: remaining >= :n`) or a transaction.',
      },
    },
    {
      id: 'unconditional-decrement',
      kind: 'number',
      prompt: {
        de: 'Die Sportveranstaltung mit **50** Startplätzen: 60 Consumer buchen gleichzeitig je einen Platz mit einem atomaren `UpdateItem` `SET remaining = remaining - :one` – aber **ohne** `ConditionExpression`. Welchen Wert hat `remaining` am Ende?',
        en: 'The sports event with **50** starting places: 60 consumers each book one place at the same time with an atomic `UpdateItem` `SET remaining = remaining - :one` — but **without** a `ConditionExpression`. What is `remaining` at the end?',
      },
      proof: proof('an atomic decrement without a condition drives the stock negative'),
      answer: -10,
      unit: { de: 'Plätze', en: 'places' },
      explanation: {
        de: '−10. Atomar heißt nur: keine Änderung geht verloren – alle 60 Abzüge werden gezählt. Aber nichts verhindert, dass der Bestand unter null fällt; zehn Plätze sind überbucht. Erst die Bedingung `remaining >= :one` macht aus dem Zähler einen wechselseitigen Ausschluss: 50 Buchungen gelingen, 10 scheitern mit `ConditionalCheckFailedException`.',
        en: '−10. Atomic only means no update is lost — all 60 decrements count. But nothing stops the stock from falling below zero; ten places are overbooked. Only the condition `remaining >= :one` turns the counter into mutual exclusion: 50 bookings succeed, 10 fail with `ConditionalCheckFailedException`.',
      },
    },
    {
      id: 'fifo-vs-standard',
      kind: 'multiple',
      prompt: {
        de: 'Was unterscheidet eine SQS-FIFO-Queue von einer Standard-Queue? Wähle alle richtigen Aussagen.',
        en: 'What sets an SQS FIFO queue apart from a standard queue? Choose every true statement.',
      },
      source: {
        title: 'AWS SQS Developer Guide: Amazon SQS queue types; FIFO queue key terms; Amazon SQS FIFO queue quotas',
        url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-types.html',
        checked: CHECKED,
      },
      options: [
        {
          id: 'order-per-group',
          text: { de: 'Strikte Reihenfolge – innerhalb einer Nachrichtengruppe (`MessageGroupId`)', en: 'Strict order — within one message group (`MessageGroupId`)' },
          correct: true,
          explanation: {
            de: 'Richtig: Die Reihenfolge gilt pro Gruppe, nicht über die ganze Queue. Verschiedene Gruppen werden parallel verarbeitet.',
            en: 'Right: order holds per group, not across the whole queue. Different groups are processed in parallel.',
          },
        },
        {
          id: 'dedup-window',
          text: { de: 'Deduplizierung beim Senden innerhalb eines 5-Minuten-Fensters', en: 'Deduplication on send within a 5-minute window' },
          correct: true,
          explanation: {
            de: 'Richtig: per `MessageDeduplicationId` oder inhaltsbasiert (SHA-256 des Körpers).',
            en: 'Right: by `MessageDeduplicationId` or content-based (SHA-256 of the body).',
          },
        },
        {
          id: 'lower-throughput',
          text: { de: 'Geringerer Durchsatz: 300 Aufrufe/s pro API-Aktion, mit 10er-Stapeln 3.000 Nachrichten/s (High-Throughput-Modus: mehr)', en: 'Lower throughput: 300 calls/s per API action, 3,000 messages/s with batches of 10 (high-throughput mode: more)' },
          correct: true,
          explanation: {
            de: 'Richtig: Standard-Queues haben nahezu unbegrenzten Durchsatz. Der High-Throughput-Modus verteilt FIFO-Queues nach Gruppen-ID und braucht dafür viele verschiedene Gruppen.',
            en: 'Right: standard queues have nearly unlimited throughput. High-throughput mode partitions FIFO queues by group id and needs many distinct groups for it.',
          },
        },
        {
          id: 'end-to-end-once',
          text: { de: 'Ende-zu-Ende genau einmal: Auch wenn der Consumer nach der Wirkung abstürzt, wird nichts doppelt verarbeitet', en: 'End-to-end exactly once: even if the consumer crashes after its side effect, nothing is processed twice' },
          correct: false,
          explanation: {
            de: 'Falsch: „Exactly-once processing“ heißt bei AWS: keine Duplikate beim Einstellen (5 Minuten) und die Nachricht bleibt, bis ein Consumer sie löscht. Stürzt er nach der Wirkung, aber vor `DeleteMessage` ab, kommt sie nach dem Visibility Timeout wieder.',
            en: 'Wrong: AWS’s "exactly-once processing" means no duplicates on send (5 minutes) and the message stays until a consumer deletes it. If the consumer crashes after its side effect but before `DeleteMessage`, it returns after the visibility timeout.',
          },
        },
        {
          id: 'bigger-messages',
          text: { de: 'FIFO-Nachrichten dürfen größer sein', en: 'FIFO messages may be larger' },
          correct: false,
          explanation: {
            de: 'Falsch: Für beide gilt dieselbe Grenze von 1 MiB (seit August 2025, vorher 256 KiB).',
            en: 'Wrong: both share the same limit of 1 MiB (since August 2025, 256 KiB before).',
          },
        },
      ],
    },
    {
      id: 'mutex-ladder',
      kind: 'ordering',
      prompt: {
        de: 'Die Leiter aus der Vorlesung: Ordne die Ansätze für wechselseitigen Ausschluss vom einfachsten (eine Maschine) zum verteiltesten.',
        en: 'The ladder from the lecture: order the approaches to mutual exclusion from the simplest (one machine) to the most distributed.',
      },
      source: {
        title: 'Course lecture deck "Mutual Exclusion (Mutex, wechselseitiger Ausschluss)"; M. Kleppmann: Designing Data-Intensive Applications, O’Reilly 2017, ch. 7–8',
        checked: CHECKED,
      },
      items: [
        { id: 'one-thread', text: { de: 'Eine Maschine, ein Thread verkauft alles', en: 'One machine, one thread sells everything' } },
        { id: 'one-executor', text: { de: 'Ein Ausführender: alle Bestellungen über eine Queue zu einem Consumer (pro Gruppe)', en: 'One executor: every order through a queue to one consumer (per group)' } },
        { id: 'critical-sections', text: { de: 'Mehrere Ausführende mit exklusiven Bereichen (z. B. Sitzplatz-Blöcke pro Verkäufer)', en: 'Several executors with exclusive regions (e.g. blocks of seats per seller)' } },
        { id: 'transactions', text: { de: 'Mehrere Ausführende, Datenbank entscheidet: bedingte Schreibvorgänge, Transaktionen', en: 'Several executors, the database decides: conditional writes, transactions' } },
        { id: 'locks', text: { de: 'Mehrere Ausführende mit verteilten Locks (Key/Value, mit Lease)', en: 'Several executors with distributed locks (key/value, with a lease)' } },
      ],
      explanation: {
        de: 'Mit jeder Stufe arbeiten mehr Ausführende gleichzeitig – und der Ausschluss wandert vom Programm in die Infrastruktur: erst gibt es gar keine Konkurrenz, dann serialisiert die Queue, dann teilt man den Bestand auf, dann prüft die Datenbank atomar, zuletzt koordinieren sich die Ausführenden selbst über einen Lock-Dienst. Locks mit Leases und Fencing Tokens sind Thema von Kapitel 8.',
        en: 'Each step lets more executors work at once — and exclusion moves from the program into the infrastructure: first there is no competition at all, then the queue serialises, then the stock is split up, then the database checks atomically, finally the executors coordinate themselves through a lock service. Locks with leases and fencing tokens are the topic of chapter 8.',
      },
    },
    {
      id: 'dlq-term',
      kind: 'short',
      prompt: {
        de: 'Wie heißt die Queue, in die SQS Nachrichten verschiebt, die zu oft empfangen, aber nie gelöscht wurden? (Fachbegriff oder Abkürzung)',
        en: 'What is the queue called into which SQS moves messages that were received too often but never deleted? (term or abbreviation)',
      },
      source: {
        title: 'AWS SQS Developer Guide: Using dead-letter queues in Amazon SQS',
        url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
        checked: CHECKED,
      },
      accept: ['Dead-Letter-Queue', 'DLQ', 'dead-letter queue', 'dead letter queue', 'deadletter queue', 'Dead Letter Queue'],
      explanation: {
        de: 'Dead-Letter-Queue (DLQ). Sie muss vom selben Typ sein wie die Quelle (FIFO → FIFO). Man schaut sich die Nachrichten an, behebt den Fehler und schickt sie per Redrive zurück in die Quell-Queue. Achtung: Bei FIFO bricht eine DLQ die strikte Reihenfolge.',
        en: 'Dead-letter queue (DLQ). It must be of the same type as the source (FIFO → FIFO). You inspect the messages, fix the bug and redrive them back to the source queue. Note: with FIFO, a DLQ breaks strict ordering.',
      },
    },
  ],
});
