/**
 * Chapter 5 quiz: serverless and event-driven. Keyed answers about behaviour are proven by
 * `labs/notification/proofs/proofs.test.ts` (local cloud and the lab's webhook function); the others name their source.
 */
import { defineQuiz, type ProofRef, type SourceRef } from './quiz.ts';

const PROOFS = 'labs/notification/proofs/proofs.test.ts';
const proof = (name: string): ProofRef => ({ test: PROOFS, name });
const CHECKED = '2026-11-28';

const lifecycleSource: SourceRef = {
  title: 'AWS Lambda Developer Guide: Understanding the Lambda execution environment lifecycle',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
  checked: CHECKED,
};

export default defineQuiz({
  chapter: '05-serverless',
  questions: [
    {
      id: 'warm-module-scope',
      kind: 'number',
      prompt: {
        de: 'Eine Lambda-Funktion zählt ihre Aufrufe in einer Variablen im Modul-Scope (`let invocations = 0` außerhalb des Handlers) und gibt den Zähler zurück. Zwei Ereignisse kommen nacheinander und treffen dieselbe warme Ausführungsumgebung. Was gibt der zweite Aufruf zurück?',
        en: 'A Lambda function counts its invocations in a module-scope variable (`let invocations = 0` outside the handler) and returns the counter. Two events arrive one after the other and hit the same warm execution environment. What does the second invocation return?',
      },
      proof: proof('module scope survives warm invocations and a new environment starts from scratch'),
      answer: 2,
      explanation: {
        de: 'Der Modul-Scope läuft nur in der INIT-Phase, also einmal pro Kaltstart. Ein warmer Aufruf verwendet dieselbe Umgebung wieder – die Variable steht noch auf 1 und wird 2. Deshalb legt man SDK-Clients und gelesene Geheimnisse dorthin. Eine neue Umgebung (nach neuem Code, neuer Konfiguration oder Leerlauf) beginnt wieder bei 1: Man darf sich auf den Zustand nicht verlassen, nur davon profitieren.',
        en: 'Module scope runs only in the INIT phase, once per cold start. A warm invocation reuses the same environment — the variable is still 1 and becomes 2. That is why SDK clients and secrets that were read go there. A new environment (after new code, new configuration or idling) starts at 1 again: you may profit from the state, never rely on it.',
      },
    },
    {
      id: 'concurrent-events',
      kind: 'single',
      prompt: {
        de: 'Dieselbe Zähler-Funktion, frisch angelegt: Zwei Ereignisse kommen gleichzeitig an, jeder Aufruf dauert 300 ms. Was geben die beiden Aufrufe zurück?',
        en: 'The same counter function, freshly created: two events arrive at the same time, each invocation takes 300 ms. What do the two invocations return?',
      },
      proof: proof('two simultaneous events run in two environments'),
      options: [
        {
          id: 'two-environments',
          text: { de: 'Beide 1 – jedes Ereignis bekommt eine eigene Ausführungsumgebung', en: 'Both 1 — each event gets its own execution environment' },
          correct: true,
          explanation: {
            de: 'Richtig: Eine Umgebung verarbeitet immer nur ein Ereignis zur gleichen Zeit. Ist sie belegt, startet Lambda eine zweite (mit eigenem Kaltstart und eigenem Modul-Scope). Nebenläufigkeit heißt bei Lambda also: Anzahl paralleler Umgebungen.',
            en: 'Right: an environment processes only one event at a time. When it is busy, Lambda starts a second one (with its own cold start and its own module scope). Concurrency in Lambda means: the number of parallel environments.',
          },
        },
        {
          id: 'queued',
          text: { de: '1 und 2 – das zweite Ereignis wartet, bis die erste Umgebung frei ist', en: '1 and 2 — the second event waits until the first environment is free' },
          correct: false,
          explanation: {
            de: 'Falsch: Ein synchroner Aufruf wartet nicht auf eine belegte Umgebung. Lambda skaliert, indem es weitere Umgebungen startet – bis zur Nebenläufigkeitsgrenze des Kontos (dann 429 TooManyRequests).',
            en: 'Wrong: a synchronous invoke does not wait for a busy environment. Lambda scales by starting more environments — up to the account concurrency limit (then 429 TooManyRequests).',
          },
        },
        {
          id: 'shared',
          text: { de: '1 und 2 – beide laufen gleichzeitig in derselben Umgebung und teilen den Zähler', en: '1 and 2 — both run at the same time in the same environment and share the counter' },
          correct: false,
          explanation: {
            de: 'Falsch: Anders als ein Node.js-Webserver bekommt eine Lambda-Umgebung nie zwei Ereignisse gleichzeitig. Geteilten Zustand zwischen parallelen Aufrufen gibt es nur außerhalb der Funktion, etwa in DynamoDB.',
            en: 'Wrong: unlike a Node.js web server, a Lambda environment never gets two events at once. State shared between parallel invocations exists only outside the function, e.g. in DynamoDB.',
          },
        },
      ],
    },
    {
      id: 'lifecycle-order',
      kind: 'ordering',
      prompt: {
        de: 'Bringe die Phasen einer Lambda-Ausführungsumgebung in die richtige Reihenfolge.',
        en: 'Put the phases of a Lambda execution environment in order.',
      },
      source: lifecycleSource,
      items: [
        { id: 'init', text: { de: 'INIT: Laufzeit starten, Code laden, Modul-Scope ausführen (Kaltstart)', en: 'INIT: start the runtime, load the code, run module scope (cold start)' } },
        { id: 'first-invoke', text: { de: 'INVOKE: der Handler verarbeitet das erste Ereignis', en: 'INVOKE: the handler processes the first event' } },
        { id: 'warm-invoke', text: { de: 'INVOKE: ein späteres Ereignis verwendet die eingefrorene Umgebung wieder (Warmstart)', en: 'INVOKE: a later event reuses the frozen environment (warm start)' } },
        { id: 'shutdown', text: { de: 'SHUTDOWN: Lambda beendet die Umgebung nach einer Weile ohne Ereignisse', en: 'SHUTDOWN: Lambda ends the environment after a while without events' } },
      ],
      explanation: {
        de: 'INIT läuft einmal pro Umgebung (seit 2025-08-01 auch bei ZIP-Funktionen mit verwalteter Laufzeit abgerechnet), danach beliebig viele INVOKE-Phasen, zwischen denen die Umgebung eingefroren ist. Wann SHUTDOWN kommt, entscheidet Lambda – euer Code bekommt kein verlässliches „letztes Mal“.',
        en: 'INIT runs once per environment (billed since 2025-08-01 for ZIP functions on managed runtimes too), then any number of INVOKE phases with the environment frozen in between. Lambda decides when SHUTDOWN comes — your code gets no reliable "last time".',
      },
    },
    {
      id: 'async-sources',
      kind: 'multiple',
      prompt: {
        de: 'Welche dieser Ereignisquellen rufen eine Lambda-Funktion asynchron auf (Lambda nimmt das Ereignis an, antwortet sofort und wiederholt bei Fehlern selbst)?',
        en: 'Which of these event sources invoke a Lambda function asynchronously (Lambda accepts the event, answers at once and retries failures itself)?',
      },
      source: {
        title: 'AWS Lambda Developer Guide: Invoking a Lambda function asynchronously; How Lambda processes records from stream and queue-based event sources',
        url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html',
        checked: CHECKED,
      },
      options: [
        {
          id: 'sns',
          text: { de: 'Amazon SNS', en: 'Amazon SNS' },
          correct: true,
          explanation: { de: 'Richtig: SNS stellt Nachrichten asynchron zu; die Funktion antwortet SNS nicht mit einem Ergebnis.', en: 'Right: SNS delivers messages asynchronously; the function returns no result to SNS.' },
        },
        {
          id: 's3',
          text: { de: 'Amazon S3 (Ereignisbenachrichtigung bei neuem Objekt)', en: 'Amazon S3 (event notification for a new object)' },
          correct: true,
          explanation: { de: 'Richtig: S3 meldet das Ereignis asynchron; Fehler wiederholt Lambda bis zu zweimal.', en: 'Right: S3 reports the event asynchronously; Lambda retries failures up to twice.' },
        },
        {
          id: 'eventbridge',
          text: { de: 'Amazon EventBridge', en: 'Amazon EventBridge' },
          correct: true,
          explanation: { de: 'Richtig: EventBridge-Regeln rufen Lambda asynchron auf.', en: 'Right: EventBridge rules invoke Lambda asynchronously.' },
        },
        {
          id: 'http-api',
          text: { de: 'API Gateway HTTP API', en: 'API Gateway HTTP API' },
          correct: false,
          explanation: {
            de: 'Falsch: API Gateway ruft synchron auf und wartet auf die Antwort, die es an den Client weitergibt (höchstens 30 s). Wiederholt wird nichts – das muss der Client tun.',
            en: 'Wrong: API Gateway invokes synchronously and waits for the response it passes to the client (30 s at most). Nothing is retried — that is up to the client.',
          },
        },
        {
          id: 'sqs',
          text: { de: 'Amazon SQS', en: 'Amazon SQS' },
          correct: false,
          explanation: {
            de: 'Falsch: SQS ruft nicht selbst auf. Ein Event Source Mapping von Lambda fragt die Queue ab (Polling) und ruft die Funktion synchron mit einem Stapel von Nachrichten auf; fehlgeschlagene Nachrichten werden nach dem Visibility Timeout wieder sichtbar.',
            en: 'Wrong: SQS does not invoke anything. A Lambda event source mapping polls the queue and invokes the function synchronously with a batch; failed messages become visible again after the visibility timeout.',
          },
        },
      ],
    },
    {
      id: 'async-retries',
      kind: 'number',
      prompt: {
        de: 'Eine asynchron aufgerufene Funktion wirft bei jedem Versuch einen Fehler. Wie oft wiederholt Lambda den Aufruf in der Standardeinstellung, bevor das Ereignis an eine Dead-Letter-Queue oder ein On-Failure-Ziel geht (oder verworfen wird)?',
        en: 'An asynchronously invoked function throws on every attempt. How many times does Lambda retry by default before the event goes to a dead-letter queue or on-failure destination (or is dropped)?',
      },
      source: {
        title: 'AWS Lambda Developer Guide: Configuring error handling for asynchronous invocation',
        url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
        checked: CHECKED,
      },
      answer: 2,
      unit: { de: 'Wiederholungen', en: 'retries' },
      explanation: {
        de: 'Zwei Wiederholungen, also bis zu drei Versuche insgesamt (einstellbar 0–2). Die Funktion muss das aushalten: Ein Ereignis kann mehrfach verarbeitet werden – at-least-once. Ohne Dead-Letter-Queue oder Ziel ist das Ereignis danach verloren.',
        en: 'Two retries, so up to three attempts in total (configurable 0–2). The function must cope: an event may be processed more than once — at-least-once. Without a dead-letter queue or destination the event is lost afterwards.',
      },
    },
    {
      id: 'observer-pattern',
      kind: 'short',
      prompt: {
        de: 'Welches klassische Entwurfsmuster wird durch ereignisgesteuerte Programmierung am besten repräsentiert? (ein Wort)',
        en: 'Which classic design pattern is best represented by event-driven programming? (one word)',
      },
      source: {
        title: 'E. Gamma, R. Helm, R. Johnson, J. Vlissides: Design Patterns – Elements of Reusable Object-Oriented Software, Addison-Wesley 1994 (Observer); summary: Wikipedia "Observer pattern"',
        url: 'https://en.wikipedia.org/wiki/Observer_pattern',
        checked: CHECKED,
      },
      accept: ['Observer', 'Beobachter', 'Observer pattern', 'Observer-Muster', 'Beobachter-Muster', 'Beobachtermuster'],
      explanation: {
        de: 'Observer (Beobachter): Ein Subjekt führt eine Liste von Beobachtern und benachrichtigt alle, wenn etwas passiert – ohne sie zu kennen. Node.js’ `EventEmitter` (`on`/`emit`) ist genau das. Publish/Subscribe mit SNS ist der verteilte Nachfolger: Ein Broker steht zwischen Sender und Empfängern, die Benachrichtigung reist als Nachricht über das Netz und kann verloren gehen oder doppelt ankommen.',
        en: 'Observer: a subject keeps a list of observers and notifies all of them when something happens — without knowing them. Node.js’s `EventEmitter` (`on`/`emit`) is exactly that. Publish/subscribe with SNS is its distributed successor: a broker sits between sender and receivers, and the notification travels as a message over the network, where it can be lost or arrive twice.',
      },
    },
    {
      id: 'unsigned-webhook',
      kind: 'single',
      prompt: {
        de: 'Die Webhook-Funktion des Labs bekommt einen GitHub-Push ohne `X-Hub-Signature-256`-Header – oder mit einer Signatur, die mit einem falschen Geheimnis berechnet wurde. Mit welchem Statuscode antwortet sie?',
        en: 'The lab’s webhook function receives a GitHub push without an `X-Hub-Signature-256` header — or with a signature computed with a wrong secret. Which status code does it answer with?',
      },
      proof: proof('an unsigned or wrongly signed webhook is refused'),
      options: [
        {
          id: '200',
          text: { de: '200 – annehmen, aber keine SMS schicken', en: '200 — accept it but send no SMS' },
          correct: false,
          explanation: {
            de: 'Falsch: Wer still annimmt, verrät einem Angreifer nichts, aber auch dem eigenen Team nicht, dass die Konfiguration kaputt ist. Und GitLab würde eine nicht authentische Zustellung als erfolgreich verbuchen.',
            en: 'Wrong: silently accepting tells an attacker nothing, but it also hides a broken configuration from your own team. And GitLab would book an unauthentic delivery as successful.',
          },
        },
        {
          id: '400',
          text: { de: '400 Bad Request', en: '400 Bad Request' },
          correct: false,
          explanation: {
            de: 'Falsch: Die Anfrage ist wohlgeformt; es fehlt der Nachweis, wer sie geschickt hat. 400 bekommt im Lab nur ein Körper, der kein JSON-Objekt ist – und das wird erst nach der Prüfung der Signatur geparst.',
            en: 'Wrong: the request is well formed; what is missing is proof of who sent it. In the lab only a body that is not a JSON object gets 400 — and it is parsed only after the signature check.',
          },
        },
        {
          id: '401',
          text: { de: '401 Unauthorized', en: '401 Unauthorized' },
          correct: true,
          explanation: {
            de: 'Richtig: Der Absender hat sich nicht ausgewiesen. Die Funktion berechnet HMAC-SHA256 über die rohen Bytes des Körpers, vergleicht in konstanter Zeit und antwortet ohne Begründung – ein Angreifer lernt nur „nein“.',
            en: 'Right: the sender did not authenticate. The function computes HMAC-SHA256 over the raw body bytes, compares in constant time and answers without a reason — an attacker learns only "no".',
          },
        },
        {
          id: '500',
          text: { de: '500 Internal Server Error', en: '500 Internal Server Error' },
          correct: false,
          explanation: {
            de: 'Falsch: Ein Fehler des Aufrufers ist kein Serverfehler. Ein 5xx würde GitLab außerdem zu Wiederholungen verleiten – mit derselben falschen Signatur.',
            en: 'Wrong: a caller’s mistake is not a server error. A 5xx would also make GitLab retry — with the same wrong signature.',
          },
        },
      ],
    },
    {
      id: 'redelivery-sms',
      kind: 'number',
      prompt: {
        de: 'Derselbe signierte Push-Webhook kommt zweimal mit derselben `X-GitHub-Delivery`-ID an (jemand hat in GitHub auf „Redeliver“ geklickt). Wie viele SMS verschickt die Lösung des Labs insgesamt?',
        en: 'The same signed push webhook arrives twice with the same `X-GitHub-Delivery` id (someone clicked "Redeliver" in GitHub). How many SMS does the lab’s solution send in total?',
      },
      proof: proof('a redelivery sends no second SMS'),
      answer: 1,
      unit: { de: 'SMS', en: 'SMS' },
      explanation: {
        de: 'Eine. Die Funktion „beansprucht“ die Zustellungs-ID mit einem bedingten Schreibvorgang in DynamoDB (`attribute_not_exists(deliveryId)`); die zweite Zustellung scheitert an der Bedingung und bekommt 200 „already delivered“. Ein Set im Speicher reicht nicht: Die Wiederholung kann in einer anderen Ausführungsumgebung landen.',
        en: 'One. The function claims the delivery id with a conditional write to DynamoDB (`attribute_not_exists(deliveryId)`); the second delivery fails the condition and gets 200 "already delivered". An in-memory set is not enough: the redelivery may land in another execution environment.',
      },
    },
    {
      id: 'segment-gsm7',
      kind: 'number',
      prompt: {
        de: 'Wie viele Zeichen des GSM-7-Alphabets passen in ein SMS-Segment? (Die Funktion des Labs kürzt alles Längere mit „...“.)',
        en: 'How many characters of the GSM-7 alphabet fit into one SMS segment? (The lab’s function cuts anything longer with "...".)',
      },
      proof: proof('one segment holds this many GSM-7 characters'),
      answer: 160,
      unit: { de: 'Zeichen', en: 'characters' },
      explanation: {
        de: '160: Ein Segment hat 140 Bytes, ein GSM-7-Zeichen braucht 7 Bit. Ein einziges Zeichen außerhalb von GSM-7 (ein Emoji, „…“) schaltet die ganze Nachricht auf UCS-2 um – dann sind es nur 70 Zeichen. Zeichen wie `€`, `[` oder `{` kosten zwei Septette. Jedes weitere Segment kostet extra.',
        en: '160: a segment has 140 bytes, a GSM-7 character takes 7 bits. A single character outside GSM-7 (an emoji, "…") switches the whole message to UCS-2 — then it is only 70 characters. Characters such as `€`, `[` or `{` cost two septets. Every further segment costs extra.',
      },
    },
    {
      id: 'poor-fit',
      kind: 'multiple',
      prompt: {
        de: 'Für welche dieser Aufgaben ist eine Lambda-Funktion eine schlechte Wahl?',
        en: 'For which of these tasks is a Lambda function a poor choice?',
      },
      source: {
        title: 'AWS Lambda quotas (timeout 900 s) and AWS Lambda pricing',
        url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
        checked: CHECKED,
      },
      options: [
        {
          id: 'long-transcode',
          text: { de: 'Ein Video transkodieren, was 40 Minuten dauert', en: 'Transcoding a video, which takes 40 minutes' },
          correct: true,
          explanation: {
            de: 'Richtig: Nach 900 s (15 min) bricht Lambda den Aufruf ab. Lange Jobs gehören in einen Container (Fargate) oder müssen in Schritte zerlegt werden.',
            en: 'Right: Lambda stops the invocation after 900 s (15 min). Long jobs belong in a container (Fargate) or must be split into steps.',
          },
        },
        {
          id: 'steady-load',
          text: { de: 'Eine API mit rund um die Uhr gleichmäßig 100 Anfragen pro Sekunde', en: 'An API with a steady 100 requests per second around the clock' },
          correct: true,
          explanation: {
            de: 'Richtig, meistens: Bei gleichmäßig hoher Last zahlt man pro Anfrage mehr als für dauerhaft laufende Container (im Workbook gerechnet: rund 260 USD für Lambda gegen rund 105 USD für zwei Fargate-Tasks mit Load Balancer im Monat). Lambda lohnt sich bei Spitzen und Leerlauf.',
            en: 'Right, usually: under steady high load you pay more per request than for containers that run all the time (worked out in the workbook: about USD 260 for Lambda against about USD 105 for two Fargate tasks with a load balancer per month). Lambda pays off with peaks and idle time.',
          },
        },
        {
          id: 'chat-connections',
          text: { de: 'Ein Chat-Server, der Tausende Verbindungen stundenlang offen hält', en: 'A chat server that keeps thousands of connections open for hours' },
          correct: true,
          explanation: {
            de: 'Richtig: Eine Funktion lebt für ein Ereignis, nicht für eine Verbindung. Dafür gibt es verwaltete Verbindungsdienste (z. B. WebSocket-APIs von API Gateway, die pro Nachricht eine Funktion aufrufen) oder Container.',
            en: 'Right: a function lives for an event, not for a connection. Managed connection services (e.g. API Gateway WebSocket APIs, which invoke a function per message) or containers are the answer.',
          },
        },
        {
          id: 'ci-webhook',
          text: { de: 'Ein Webhook, der ein paar Mal am Tag eine SMS auslöst', en: 'A webhook that triggers an SMS a few times a day' },
          correct: false,
          explanation: {
            de: 'Falsch: Das ist der Paradefall – kurze Arbeit, seltene Ereignisse, im Leerlauf kostet es nichts. Genau das baut ihr im Lab.',
            en: 'Wrong: this is the textbook case — short work, rare events, nothing to pay while idle. That is exactly what you build in the lab.',
          },
        },
        {
          id: 'thumbnail',
          text: { de: 'Ein Vorschaubild erzeugen, wenn ein Foto in S3 hochgeladen wird', en: 'Creating a thumbnail when a photo is uploaded to S3' },
          correct: false,
          explanation: {
            de: 'Falsch: Ein Ereignis, ein paar Sekunden Arbeit, danach nichts – gut für Lambda.',
            en: 'Wrong: one event, a few seconds of work, then nothing — a good fit for Lambda.',
          },
        },
      ],
    },
    {
      id: 'cost-per-million',
      kind: 'number',
      prompt: {
        de: 'Was kosten 1 Million Lambda-Aufrufe mit je 100 ms Laufzeit und 512 MB Speicher (x86, erste Preisstufe, ohne Free Tier) in USD? Preise: 0,20 USD pro Million Anfragen, 0,0000166667 USD pro GB-Sekunde.',
        en: 'What do 1 million Lambda invocations of 100 ms each with 512 MB of memory cost (x86, first price tier, no free tier), in USD? Prices: USD 0.20 per million requests, USD 0.0000166667 per GB-second.',
      },
      source: {
        title: 'AWS Lambda pricing; AWS whitepaper "How AWS Pricing Works – AWS Lambda"',
        url: 'https://aws.amazon.com/lambda/pricing/',
        checked: CHECKED,
      },
      answer: 1.03,
      tolerance: 0.01,
      unit: { de: 'USD', en: 'USD' },
      explanation: {
        de: '1.000.000 × 0,1 s × 0,5 GB = 50.000 GB-s × 0,0000166667 USD ≈ 0,83 USD Rechenzeit, dazu 0,20 USD für die Anfragen: ≈ 1,03 USD. Das Always-Free-Kontingent (1 Mio. Anfragen und 400.000 GB-s im Monat) würde diese Menge ganz abdecken.',
        en: '1,000,000 × 0.1 s × 0.5 GB = 50,000 GB-s × USD 0.0000166667 ≈ USD 0.83 of compute, plus USD 0.20 for the requests: ≈ USD 1.03. The always-free tier (1 M requests and 400,000 GB-s per month) would cover this amount completely.',
      },
    },
    {
      id: 'testing-levels',
      kind: 'multiple',
      prompt: {
        de: 'Wie testet man ein ereignisgesteuertes System wie die Webhook-Funktion des Labs angemessen?',
        en: 'How do you test an event-driven system such as the lab’s webhook function properly?',
      },
      source: {
        title: 'AWS Lambda Developer Guide: Testing serverless functions and applications',
        url: 'https://docs.aws.amazon.com/lambda/latest/dg/testing-guide.html',
        checked: CHECKED,
      },
      options: [
        {
          id: 'unit-recorded',
          text: { de: 'Unit-Tests mit aufgezeichneten echten Ereignissen (Fixtures) gegen die Handler-Logik', en: 'Unit tests with recorded real events (fixtures) against the handler logic' },
          correct: true,
          explanation: {
            de: 'Richtig: Schnell und genau – aber nur so gut wie die aufgezeichneten Ereignisse. Im Kurs: `npm test`.',
            en: 'Right: fast and precise — but only as good as the recorded events. In this course: `npm test`.',
          },
        },
        {
          id: 'integration-local',
          text: { de: 'Integrationstests gegen eine laufende (lokale) Cloud mit echten Protokollen', en: 'Integration tests against a running (local) cloud that speaks the real protocols' },
          correct: true,
          explanation: {
            de: 'Richtig: Erst hier zeigen sich bedingte Schreibvorgänge, Berechtigungen, Serialisierung und Wiederholungen. Im Kurs: `npm run check -- notification`.',
            en: 'Right: only here do conditional writes, permissions, serialisation and retries show up. In this course: `npm run check -- notification`.',
          },
        },
        {
          id: 'e2e-aws',
          text: { de: 'End-to-End-Tests gegen den echten Stack in AWS', en: 'End-to-end tests against the real stack on AWS' },
          correct: true,
          explanation: {
            de: 'Richtig: Nur AWS selbst zeigt IAM-Richtlinien, Quoten und echte Zustellung. Im Kurs: `npm run check -- notification --target aws`.',
            en: 'Right: only AWS itself shows IAM policies, quotas and real delivery. In this course: `npm run check -- notification --target aws`.',
          },
        },
        {
          id: 'mocks-only',
          text: { de: 'Es reicht, Ereignisse zu mocken', en: 'Mocking events is enough' },
          correct: false,
          explanation: {
            de: 'Falsch (die Antwort aus den Studierendennotizen): Gemockte Ereignisse zeigen, was man sich vorstellt, nicht was der Dienst schickt. Doppelte Zustellung, falsche Signatur über umformatiertem JSON oder fehlende Berechtigungen bleiben unentdeckt.',
            en: 'Wrong (the answer in the student notes): mocked events show what you imagine, not what the service sends. Duplicate delivery, a signature over re-formatted JSON or missing permissions stay undetected.',
          },
        },
      ],
    },
  ],
});
