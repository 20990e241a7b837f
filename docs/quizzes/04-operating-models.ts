/**
 * Chapter 4 quiz: operating models IaaS, PaaS, FaaS, SaaS and the Fargate lab. Keyed answers about behaviour are
 * proven by `labs/fargate/proofs/*.test.ts` (the running services, the synthesized stack, the cost model);
 * definitions, history and product facts name their source.
 */
import { defineQuiz, type ProofRef, type SourceRef } from './quiz.ts';

const proof = (file: 'network' | 'stack' | 'cost', name: string): ProofRef => ({ test: `labs/fargate/proofs/${file}.test.ts`, name });
const CHECKED = '2026-11-28';

const nist: SourceRef = {
  title: 'NIST SP 800-145, The NIST Definition of Cloud Computing (2011), service models',
  url: 'https://csrc.nist.gov/pubs/sp/800/145/final',
  checked: CHECKED,
};

export default defineQuiz({
  chapter: '04-operating-models',
  questions: [
    {
      id: 'responsibility-paas',
      kind: 'multiple',
      prompt: {
        de: 'Ihr betreibt eine Web-Anwendung auf einer PaaS (z. B. Elastic Beanstalk oder Heroku). Wofür seid **ihr** verantwortlich?',
        en: 'You run a web application on a PaaS (e.g. Elastic Beanstalk or Heroku). What are **you** responsible for?',
      },
      source: nist,
      options: [
        {
          id: 'application',
          text: { de: 'Den Code der Anwendung', en: 'The application code' },
          correct: true,
          explanation: { de: 'Richtig: Die Anwendung bringt ihr mit – genau das ist bei PaaS eure Aufgabe.', en: 'Right: you bring the application — that is exactly your part in PaaS.' },
        },
        {
          id: 'data',
          text: { de: 'Die Daten und wer darauf zugreifen darf', en: 'The data and who may access it' },
          correct: true,
          explanation: { de: 'Richtig: Daten und Zugriffsrechte bleiben in jedem Modell beim Kunden, sogar bei SaaS.', en: 'Right: data and access rights stay with the customer in every model, even SaaS.' },
        },
        {
          id: 'runtime',
          text: { de: 'Die Laufzeitumgebung (z. B. Node.js-Version patchen)', en: 'The runtime (e.g. patching the Node.js version)' },
          correct: false,
          explanation: { de: 'Falsch: Die Laufzeit stellt die Plattform; ihr wählt nur unter den angebotenen Versionen. Bei IaaS wäre sie eure Sache.', en: 'Wrong: the platform provides the runtime; you choose among the versions it offers. On IaaS it would be yours.' },
        },
        {
          id: 'os',
          text: { de: 'Das Betriebssystem der Server', en: 'The servers’ operating system' },
          correct: false,
          explanation: { de: 'Falsch: Das Betriebssystem verwaltet der Anbieter. Ihr behaltet zwar Zugriff (Beanstalk lässt euch die EC2-Instanzen sehen), müsst es aber nicht pflegen.', en: 'Wrong: the provider manages the operating system. You may still have access (Beanstalk shows you its EC2 instances), but you do not have to maintain it.' },
        },
        {
          id: 'hardware',
          text: { de: 'Die Hardware und die Virtualisierung', en: 'The hardware and the virtualisation' },
          correct: false,
          explanation: { de: 'Falsch: Hardware und Virtualisierung liegen schon bei IaaS beim Anbieter.', en: 'Wrong: hardware and virtualisation are the provider’s already in IaaS.' },
        },
      ],
    },
    {
      id: 'model-order',
      kind: 'ordering',
      prompt: {
        de: 'Ordnet die Betriebsmodelle danach, wie viel ihr selbst verwaltet – von am meisten zu am wenigsten.',
        en: 'Order the operating models by how much you manage yourselves — from most to least.',
      },
      source: nist,
      items: [
        { id: 'iaas', text: { de: 'IaaS (z. B. EC2)', en: 'IaaS (e.g. EC2)' } },
        { id: 'paas', text: { de: 'PaaS (z. B. Elastic Beanstalk, Heroku)', en: 'PaaS (e.g. Elastic Beanstalk, Heroku)' } },
        { id: 'faas', text: { de: 'FaaS (z. B. Lambda)', en: 'FaaS (e.g. Lambda)' } },
        { id: 'saas', text: { de: 'SaaS (z. B. ein Mail-Dienst im Browser)', en: 'SaaS (e.g. a web mail service)' } },
      ],
      explanation: {
        de: 'IaaS: ab dem Betriebssystem alles. PaaS: Anwendung, Daten, Konfiguration. FaaS: nur noch einzelne Funktionen und ihre Auslöser, keinen laufenden Prozess. SaaS: nur Daten, Nutzer und Einstellungen.',
        en: 'IaaS: everything from the operating system up. PaaS: application, data, configuration. FaaS: only single functions and their triggers, no running process. SaaS: only data, users and settings.',
      },
    },
    {
      id: 'choose-model',
      kind: 'single',
      prompt: {
        de: 'Ein Webhook meldet ein paar Mal am Tag einen fehlgeschlagenen Build; daraufhin soll eine Nachricht verschickt werden. Welches Modell passt am besten?',
        en: 'A webhook reports a failed build a few times a day; each time a message is to be sent. Which model fits best?',
      },
      source: { title: 'AWS Lambda Developer Guide, “When to use Lambda”', url: 'https://docs.aws.amazon.com/lambda/latest/dg/welcome.html', checked: CHECKED },
      options: [
        {
          id: 'faas',
          text: { de: 'FaaS (Lambda hinter einem HTTP-Endpunkt)', en: 'FaaS (Lambda behind an HTTP endpoint)' },
          correct: true,
          explanation: { de: 'Richtig: seltene, kurze, ereignisgesteuerte Arbeit. Bezahlt wird pro Aufruf – bei dieser Last liegt sie im Gratiskontingent.', en: 'Right: rare, short, event-driven work. You pay per invocation — at this load it stays inside the free tier.' },
        },
        {
          id: 'fargate',
          text: { de: 'Ein Container auf Fargate hinter einem Load Balancer', en: 'A container on Fargate behind a load balancer' },
          correct: false,
          explanation: { de: 'Funktioniert, aber Load Balancer und Task kosten jede Stunde, auch wenn den ganzen Tag nichts passiert (rund 36 $ im Monat im Beispiel des Kapitels).', en: 'Works, but the load balancer and the task cost every hour, even when nothing happens all day (about $36 a month in the chapter’s example).' },
        },
        {
          id: 'ec2',
          text: { de: 'Eine EC2-Instanz mit einem kleinen Webserver', en: 'An EC2 instance with a small web server' },
          correct: false,
          explanation: { de: 'Falsch gewählt: Ihr patcht Betriebssystem und Laufzeit für eine Arbeit von Sekunden am Tag und zahlt die Instanz rund um die Uhr.', en: 'Poor choice: you patch operating system and runtime for seconds of work a day and pay for the instance around the clock.' },
        },
        {
          id: 'saas',
          text: { de: 'Es gibt keine Lösung ohne eigenen Server', en: 'There is no solution without a server of your own' },
          correct: false,
          explanation: { de: 'Falsch: Genau dafür gibt es FaaS; auch manche SaaS-CI-Dienste können direkt benachrichtigen.', en: 'Wrong: this is what FaaS is for; some SaaS CI services can even notify directly.' },
        },
      ],
    },
    {
      id: 'idle-month',
      kind: 'number',
      prompt: {
        de: 'Was kostet ein Monat (730 h) für einen Application Load Balancer ohne Verkehr (mit zwei öffentlichen IPv4-Adressen) plus einen Fargate-Task mit 0,25 vCPU und 0,5 GB (x86) mit eigener öffentlicher IPv4-Adresse? Preise: ALB 0,0225 $/h, IPv4 0,005 $/h, Fargate 0,04048 $ je vCPU-h und 0,004445 $ je GB-h. Auf ganze Dollar.',
        en: 'What does one month (730 h) cost for an Application Load Balancer without traffic (with two public IPv4 addresses) plus one Fargate task with 0.25 vCPU and 0.5 GB (x86) with its own public IPv4 address? Prices: ALB $0.0225/h, IPv4 $0.005/h, Fargate $0.04048 per vCPU-h and $0.004445 per GB-h. To the dollar.',
      },
      proof: proof('cost', 'an idle ALB with one smallest Fargate task costs about 36 dollars a month'),
      answer: 36,
      tolerance: 1,
      unit: { de: 'US-Dollar', en: 'US dollars' },
      explanation: {
        de: 'ALB 16,43 $ + 2 × 3,65 $ IPv4 + Task 9,01 $ (0,25 × 0,04048 + 0,5 × 0,004445 = 0,0123 $/h) + 3,65 $ IPv4 ≈ 36,39 $. Dieselben 100.000 Anfragen im Monat auf Lambda (128 MB, 200 ms) liegen im Gratiskontingent: 0 $.',
        en: 'ALB $16.43 + 2 × $3.65 IPv4 + task $9.01 (0.25 × 0.04048 + 0.5 × 0.004445 = $0.0123/h) + $3.65 IPv4 ≈ $36.39. The same 100,000 requests a month on Lambda (128 MB, 200 ms) stay inside the free tier: $0.',
      },
    },
    {
      id: 'backend-ingress',
      kind: 'single',
      prompt: {
        de: 'Im Stack des Labs: Von wo aus lässt sich eine Verbindung zum Backend (Port 8080) öffnen?',
        en: 'In the lab’s stack: from where can a connection to the backend (port 8080) be opened?',
      },
      proof: proof('stack', 'only the API security group may open connections to the backend'),
      options: [
        {
          id: 'api-only',
          text: { de: 'Nur von Tasks, die die Sicherheitsgruppe des API-Services tragen', en: 'Only from tasks that carry the API service’s security group' },
          correct: true,
          explanation: { de: 'Richtig: Die einzige Eingangsregel des Backends nennt die Sicherheitsgruppe der API als Quelle – keine IP-Bereiche, auch nicht den der VPC.', en: 'Right: the backend’s only ingress rule names the API’s security group as its source — no IP ranges, not even the VPC’s.' },
        },
        {
          id: 'vpc',
          text: { de: 'Von allem innerhalb der VPC', en: 'From anything inside the VPC' },
          correct: false,
          explanation: { de: 'Falsch: Das wäre eine Regel mit dem CIDR der VPC. Auch der Load Balancer und die VPC-Endpunkte kommen nicht hinein.', en: 'Wrong: that would be a rule with the VPC’s CIDR. Not even the load balancer or the VPC endpoints get in.' },
        },
        {
          id: 'alb',
          text: { de: 'Vom Load Balancer', en: 'From the load balancer' },
          correct: false,
          explanation: { de: 'Falsch: Der Load Balancer darf nur zur API (Port 3000); das Backend hat keinen.', en: 'Wrong: the load balancer may only reach the API (port 3000); the backend has none.' },
        },
        {
          id: 'internet',
          text: { de: 'Aus dem Internet, weil das Backend in einem öffentlichen Subnetz läuft', en: 'From the internet, because the backend runs in a public subnet' },
          correct: false,
          explanation: { de: 'Falsch: Ohne öffentliche IP ist es aus dem Internet nicht adressierbar, und seine Sicherheitsgruppe ließe es ohnehin nicht zu.', en: 'Wrong: without a public IP it is not addressable from the internet, and its security group would not admit it anyway.' },
        },
      ],
    },
    {
      id: 'no-nat',
      kind: 'multiple',
      prompt: {
        de: 'Der Stack hat kein NAT-Gateway. Was stimmt?',
        en: 'The stack has no NAT gateway. What is true?',
      },
      proof: proof('stack', 'without NAT the API task gets a public IP and the backend reaches AWS through VPC endpoints'),
      options: [
        {
          id: 'api-public-ip',
          text: { de: 'Die API-Tasks bekommen eine öffentliche IPv4-Adresse, um ECR und CloudWatch Logs zu erreichen', en: 'The API tasks get a public IPv4 address to reach ECR and CloudWatch Logs' },
          correct: true,
          explanation: { de: 'Richtig: Ohne NAT ist das der Weg ins Internet – 0,005 $ pro Stunde und Adresse; die Sicherheitsgruppe lässt trotzdem nur den Load Balancer herein.', en: 'Right: without NAT that is the way out — $0.005 per hour and address; the security group still admits only the load balancer.' },
        },
        {
          id: 'backend-endpoints',
          text: { de: 'Das Backend erreicht ECR und CloudWatch Logs über VPC-Endpunkte', en: 'The backend reaches ECR and CloudWatch Logs through VPC endpoints' },
          correct: true,
          explanation: { de: 'Richtig: Interface-Endpunkte für ECR und Logs plus ein S3-Gateway-Endpunkt für die Image-Schichten.', en: 'Right: interface endpoints for ECR and Logs plus an S3 gateway endpoint for the image layers.' },
        },
        {
          id: 'backend-public-ip',
          text: { de: 'Auch das Backend braucht eine öffentliche IP, sonst startet es nicht', en: 'The backend needs a public IP too, or it does not start' },
          correct: false,
          explanation: { de: 'Falsch: Mit den Endpunkten zieht es sein Image ohne Internetzugang.', en: 'Wrong: with the endpoints it pulls its image without internet access.' },
        },
        {
          id: 'private-subnets',
          text: { de: 'Die Tasks laufen in privaten Subnetzen', en: 'The tasks run in private subnets' },
          correct: false,
          explanation: { de: 'Falsch: Die VPC hat nur öffentliche Subnetze; privat ist das Backend durch fehlende öffentliche IP und seine Sicherheitsgruppe.', en: 'Wrong: the VPC has public subnets only; the backend is private through its missing public IP and its security group.' },
        },
      ],
    },
    {
      id: 'backend-loopback',
      kind: 'multiple',
      prompt: {
        de: 'Lokal lauscht das Backend auf `127.0.0.1`. Über welche Adressen ist es erreichbar?',
        en: 'Locally the backend listens on `127.0.0.1`. Through which addresses can it be reached?',
      },
      proof: proof('network', 'the loopback-bound backend is reachable only through 127.0.0.1'),
      options: [
        {
          id: 'loopback',
          text: { de: '`127.0.0.1` vom selben Rechner', en: '`127.0.0.1` from the same machine' },
          correct: true,
          explanation: { de: 'Richtig: So ruft die API es lokal auf.', en: 'Right: that is how the API calls it locally.' },
        },
        {
          id: 'own-lan-address',
          text: { de: 'Die LAN-Adresse des eigenen Rechners (z. B. `192.168.1.20`), vom selben Rechner aus', en: 'The machine’s own LAN address (e.g. `192.168.1.20`), from the same machine' },
          correct: false,
          explanation: { de: 'Falsch: Der Socket ist an die Loopback-Adresse gebunden; Verbindungen an jede andere Adresse werden abgewiesen (ECONNREFUSED) – auch vom selben Rechner.', en: 'Wrong: the socket is bound to the loopback address; connections to any other address are refused (ECONNREFUSED) — even from the same machine.' },
        },
        {
          id: 'other-machine',
          text: { de: 'Von einem anderen Rechner im selben WLAN', en: 'From another machine on the same Wi-Fi' },
          correct: false,
          explanation: { de: 'Falsch: Das ginge nur mit `0.0.0.0` (alle Schnittstellen) – dem Fehler der Übung.', en: 'Wrong: that would need `0.0.0.0` (every interface) — the exercise’s mistake.' },
        },
      ],
    },
    {
      id: 'health-split',
      kind: 'single',
      prompt: {
        de: 'Das Backend ist ausgefallen. Was antwortet die API des Labs auf `GET /health` (der Check des Load Balancers) und auf `GET /health/backend`?',
        en: 'The backend is down. What does the lab’s API answer on `GET /health` (the load balancer’s check) and on `GET /health/backend`?',
      },
      proof: proof('network', 'with the backend down, /health stays 200 and /health/backend says 503'),
      options: [
        {
          id: '200-503',
          text: { de: '200 und 503', en: '200 and 503' },
          correct: true,
          explanation: { de: 'Richtig: `/health` fragt nur „läuft dieser Prozess?“. Hinge er am Backend, würde der Load Balancer bei einem Backend-Ausfall alle API-Tasks als krank markieren und ECS sie immer wieder ersetzen – ohne etwas zu reparieren.', en: 'Right: `/health` only asks “is this process serving?”. If it depended on the backend, a backend outage would make the load balancer mark every API task unhealthy and ECS would replace them again and again — fixing nothing.' },
        },
        {
          id: '503-503',
          text: { de: '503 und 503', en: '503 and 503' },
          correct: false,
          explanation: { de: 'Falsch – und gefährlich: Dann würde der Load Balancer die gesunde API aus dem Verkehr ziehen.', en: 'Wrong — and dangerous: the load balancer would take the healthy API out of service.' },
        },
        {
          id: '200-200',
          text: { de: '200 und 200', en: '200 and 200' },
          correct: false,
          explanation: { de: 'Falsch: `/health/backend` prüft das Backend und meldet den Ausfall.', en: 'Wrong: `/health/backend` checks the backend and reports the outage.' },
        },
        {
          id: '502-502',
          text: { de: '502 und 502', en: '502 and 502' },
          correct: false,
          explanation: { de: 'Falsch: 502 bekommt `/api/quote`, das eine Antwort des Backends braucht.', en: 'Wrong: `/api/quote`, which needs the backend’s answer, gets a 502.' },
        },
      ],
    },
    {
      id: 'hanging-backend',
      kind: 'single',
      prompt: {
        de: 'Das Backend nimmt Verbindungen an, antwortet aber nie. Was erlebt ein Client der API (Lösung des Labs, Timeout 300 ms)?',
        en: 'The backend accepts connections but never answers. What does a client of the API see (the lab’s solution, timeout 300 ms)?',
      },
      proof: proof('network', 'a hanging backend gets a 504 from the API after its timeout'),
      options: [
        {
          id: '504-fast',
          text: { de: 'Nach etwa 300 ms ein 504 Gateway Timeout mit Fehlertext', en: 'After about 300 ms a 504 Gateway Timeout with an error text' },
          correct: true,
          explanation: { de: 'Richtig: Die API wartet nie länger als ihr Timeout und sagt, was passiert ist.', en: 'Right: the API never waits longer than its timeout and says what happened.' },
        },
        {
          id: 'hangs',
          text: { de: 'Der Client wartet, bis er selbst aufgibt', en: 'The client waits until it gives up itself' },
          correct: false,
          explanation: { de: 'So verhält sich die Übung: `fetch` ohne Signal wartet unbegrenzt. Jeder hängende Aufruf bindet Speicher und Verbindungen.', en: 'That is the exercise: `fetch` without a signal waits forever. Every hanging call holds memory and connections.' },
        },
        {
          id: '502',
          text: { de: 'Sofort ein 502 Bad Gateway', en: 'Immediately a 502 Bad Gateway' },
          correct: false,
          explanation: { de: 'Falsch: Die Verbindung klappt ja; erst das Warten scheitert. 502 steht für „nicht erreichbar oder falsche Antwort“.', en: 'Wrong: the connection succeeds; only the wait fails. 502 means “unreachable or a bad answer”.' },
        },
      ],
    },
    {
      id: 'copilot-eos',
      kind: 'short',
      prompt: {
        de: 'An welchem Tag endete der Support für die AWS Copilot CLI? (JJJJ-MM-TT)',
        en: 'On which day did support for the AWS Copilot CLI end? (YYYY-MM-DD)',
      },
      accept: ['2026-06-12', '12.06.2026', '12. Juni 2026', 'June 12, 2026', '12 June 2026'],
      explanation: {
        de: 'Am 12. Juni 2026 (angekündigt am 6. März 2026). Laufende Services laufen weiter; AWS empfiehlt die CDK-Konstrukte in `aws-ecs-patterns` oder ECS Express Mode.',
        en: 'On 12 June 2026 (announced on 6 March 2026). Running services keep working; AWS points to the CDK constructs in `aws-ecs-patterns` or ECS Express Mode.',
      },
      source: { title: 'AWS Containers Blog: Announcing the end of support for the AWS Copilot CLI (2026-03-06)', url: 'https://aws.amazon.com/blogs/containers/announcing-the-end-of-support-for-the-aws-copilot-cli/', checked: CHECKED },
    },
    {
      id: 'docker-paas',
      kind: 'single',
      prompt: { de: 'Ist Docker eine PaaS?', en: 'Is Docker a PaaS?' },
      source: { title: 'Docker documentation, “What is Docker?”', url: 'https://docs.docker.com/get-started/docker-overview/', checked: CHECKED },
      options: [
        {
          id: 'no-tooling',
          text: { de: 'Nein: ein Image-Format, ein Build-Werkzeug und eine Laufzeit für Container', en: 'No: an image format, a build tool and a runtime for containers' },
          correct: true,
          explanation: { de: 'Richtig: Eine PaaS kann Container ausführen (Heroku, Fargate nach manchen Lesarten), das macht Docker selbst aber nicht zur Plattform.', en: 'Right: a PaaS may run containers (Heroku, Fargate by some readings), but that does not make Docker itself a platform.' },
        },
        {
          id: 'yes',
          text: { de: 'Ja, Docker ist eine Sammlung von PaaS-Produkten', en: 'Yes, Docker is a set of platform-as-a-service products' },
          correct: false,
          explanation: { de: 'Falsch – so steht es in den Studierendennotizen aus einer Enzyklopädie übernommen. Auf dem eigenen Laptop verwaltet ihr mit Docker alles selbst.', en: 'Wrong — the student notes copied this from an encyclopedia. On your own laptop you manage everything yourselves with Docker.' },
        },
        {
          id: 'iaas',
          text: { de: 'Nein, Docker ist IaaS', en: 'No, Docker is IaaS' },
          correct: false,
          explanation: { de: 'Falsch: Docker vermietet keine Infrastruktur; es ist Software, die ihr auf Infrastruktur betreibt.', en: 'Wrong: Docker rents out no infrastructure; it is software you run on infrastructure.' },
        },
      ],
    },
    {
      id: 'beanstalk-control',
      kind: 'single',
      prompt: {
        de: 'Elastic Beanstalk hat EC2-Instanzen, einen Load Balancer und eine Auto-Scaling-Gruppe für eure Anwendung angelegt. Was gilt?',
        en: 'Elastic Beanstalk has created EC2 instances, a load balancer and an Auto Scaling group for your application. What holds?',
      },
      source: { title: 'AWS Elastic Beanstalk Developer Guide, “What is AWS Elastic Beanstalk?”', url: 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/Welcome.html', checked: CHECKED },
      options: [
        {
          id: 'full-control',
          text: { de: 'Beanstalk legt sie an und verwaltet sie; ihr behaltet die volle Kontrolle über diese Ressourcen', en: 'Beanstalk provisions and manages them; you keep full control of these resources' },
          correct: true,
          explanation: { de: 'Richtig: Die Ressourcen liegen in eurem Konto; ihr könnt sie ansehen und ändern. Das unterscheidet Beanstalk von Heroku, wo die Server unsichtbar beim Anbieter laufen.', en: 'Right: the resources live in your account; you can see and change them. That sets Beanstalk apart from Heroku, where the servers run invisibly at the provider.' },
        },
        {
          id: 'no-control',
          text: { de: 'Sie laufen ohne eure Kontrolle im Konto von AWS', en: 'They run without your control in AWS’s account' },
          correct: false,
          explanation: { de: 'Falsch – so steht es in den Studierendennotizen. AWS schreibt das Gegenteil.', en: 'Wrong — that is what the student notes say. AWS states the opposite.' },
        },
        {
          id: 'free',
          text: { de: 'Sie kosten nichts, weil Beanstalk kostenlos ist', en: 'They cost nothing because Beanstalk is free' },
          correct: false,
          explanation: { de: 'Falsch: Beanstalk selbst kostet nichts extra, die angelegten Instanzen und Load Balancer aber schon.', en: 'Wrong: Beanstalk itself adds no charge, but the instances and load balancers it creates do cost.' },
        },
      ],
    },
  ],
});
