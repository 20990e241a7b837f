/**
 * Chapter 2 quiz: networks. Keyed answers about behaviour are proven by `labs/networks/proofs/*.test.ts`;
 * facts from standards and physics name their source.
 */
import { defineQuiz, type ProofRef, type SourceRef } from './quiz.ts';

const CHECKED = '2026-11-28';
const hostsProof = (name: string): ProofRef => ({ test: 'labs/networks/proofs/virtual-hosts.test.ts', name });
const rfc = (number: number, title: string): SourceRef => ({ title: `RFC ${number}: ${title}`, url: `https://www.rfc-editor.org/rfc/rfc${number}`, checked: CHECKED });

export default defineQuiz({
  chapter: '02-networks',
  questions: [
    {
      id: 'osi-layer-ip',
      kind: 'single',
      prompt: { de: 'In welcher Schicht des OSI-Modells liegt IP?', en: 'In which layer of the OSI model does IP sit?' },
      source: { title: 'ITU-T X.200 (07/1994) = ISO/IEC 7498-1: OSI Basic Reference Model; RFC 1122 (1989) for the TCP/IP layers', url: 'https://www.itu.int/rec/T-REC-X.200-199407-I/en', checked: CHECKED },
      options: [
        {
          id: 'layer-2',
          text: { de: 'Schicht 2 – Sicherung (Data Link)', en: 'Layer 2 — data link' },
          correct: false,
          explanation: { de: 'Falsch: Schicht 2 ist das lokale Netz (Ethernet, WLAN, MAC-Adressen); sie endet am nächsten Router.', en: 'Wrong: layer 2 is the local network (Ethernet, Wi-Fi, MAC addresses); it ends at the next router.' },
        },
        {
          id: 'layer-3',
          text: { de: 'Schicht 3 – Vermittlung (Network)', en: 'Layer 3 — network' },
          correct: true,
          explanation: { de: 'Richtig: IP adressiert Rechner weltweit und wird von Router zu Router über viele Netze weitergeleitet – die Aufgabe der Vermittlungsschicht. Im TCP/IP-Modell heißt sie Internet-Schicht.', en: 'Right: IP addresses hosts worldwide and is forwarded router by router across many networks — the network layer’s job. The TCP/IP model calls it the internet layer.' },
        },
        {
          id: 'layer-4',
          text: { de: 'Schicht 4 – Transport', en: 'Layer 4 — transport' },
          correct: false,
          explanation: { de: 'Falsch: Schicht 4 sind TCP und UDP mit ihren Ports. Die Seed-Folie „Layer 4: Netzwerk (IP)“ war hier falsch.', en: 'Wrong: layer 4 is TCP and UDP with their ports. The seed slide “Layer 4: Netzwerk (IP)” was wrong here.' },
        },
        {
          id: 'layer-7',
          text: { de: 'Schicht 7 – Anwendung', en: 'Layer 7 — application' },
          correct: false,
          explanation: { de: 'Falsch: Schicht 7 sind Anwendungsprotokolle wie HTTP, DNS oder SMTP, die IP benutzen.', en: 'Wrong: layer 7 holds application protocols such as HTTP, DNS or SMTP, which use IP.' },
        },
      ],
    },
    {
      id: 'ethernet-bad-frame',
      kind: 'single',
      prompt: {
        de: 'Ein Ethernet-Switch empfängt einen Frame, dessen Prüfsumme (FCS, CRC-32) nicht stimmt. Was passiert?',
        en: 'An Ethernet switch receives a frame whose checksum (FCS, CRC-32) does not match. What happens?',
      },
      source: { title: 'IEEE 802.3, clause 3.2.9 (Frame Check Sequence field, CRC-32); summary: Wikipedia “Ethernet frame”, section Frame check sequence', url: 'https://en.wikipedia.org/wiki/Ethernet_frame', checked: CHECKED },
      options: [
        {
          id: 'drop',
          text: { de: 'Der Frame wird verworfen; eine höhere Schicht (z. B. TCP) muss den Verlust bemerken', en: 'The frame is dropped; a higher layer (e.g. TCP) has to notice the loss' },
          correct: true,
          explanation: { de: 'Richtig: Ethernet erkennt Fehler, korrigiert sie aber nicht. TCP bemerkt die fehlenden Bytes an den Bestätigungen und sendet sie erneut.', en: 'Right: Ethernet detects errors but does not correct them. TCP notices the missing bytes from the acknowledgements and retransmits.' },
        },
        {
          id: 'correct',
          text: { de: 'Der Switch korrigiert die fehlerhaften Bits mit der Prüfsumme', en: 'The switch corrects the broken bits using the checksum' },
          correct: false,
          explanation: { de: 'Falsch: Eine CRC erkennt Fehler, sie enthält nicht genug Information, um sie zu beheben. Die Seed-Folie „erkennt und korrigiert Fehler“ war hier falsch.', en: 'Wrong: a CRC detects errors; it does not carry enough information to repair them. The seed slide “erkennt und korrigiert Fehler” was wrong here.' },
        },
        {
          id: 'resend',
          text: { de: 'Der Switch fordert den Frame beim Absender neu an', en: 'The switch asks the sender for the frame again' },
          correct: false,
          explanation: { de: 'Falsch: Ethernet kennt keine Bestätigungen und keine Wiederholung; das übernimmt TCP Ende-zu-Ende.', en: 'Wrong: Ethernet has no acknowledgements and no retransmission; TCP does that end to end.' },
        },
        {
          id: 'deliver',
          text: { de: 'Der Frame wird mit einer Fehlermarkierung weitergeleitet', en: 'The frame is forwarded with an error mark' },
          correct: false,
          explanation: { de: 'Falsch: Ein fehlerhafter Frame wird nicht weitergegeben – niemand könnte sich auf seinen Inhalt verlassen.', en: 'Wrong: a broken frame is not passed on — nobody could trust its contents.' },
        },
      ],
    },
    {
      id: 'tcp-handshake',
      kind: 'ordering',
      prompt: { de: 'Bringt den Aufbau einer TCP-Verbindung und die erste Anfrage in die richtige Reihenfolge.', en: 'Put the set-up of a TCP connection and the first request in order.' },
      source: rfc(9293, 'Transmission Control Protocol (TCP), August 2022, section 3.5'),
      items: [
        { id: 'syn', text: { de: 'Client → Server: SYN (meine Startnummer ist x)', en: 'Client → server: SYN (my initial sequence number is x)' } },
        { id: 'syn-ack', text: { de: 'Server → Client: SYN-ACK (meine ist y, ich erwarte x+1)', en: 'Server → client: SYN-ACK (mine is y, I expect x+1)' } },
        { id: 'ack', text: { de: 'Client → Server: ACK (ich erwarte y+1)', en: 'Client → server: ACK (I expect y+1)' } },
        { id: 'request', text: { de: 'Client → Server: erste Daten, z. B. `GET / HTTP/1.1`', en: 'Client → server: first data, e.g. `GET / HTTP/1.1`' } },
      ],
      explanation: {
        de: 'Beide Seiten nennen ihre Startnummer und bestätigen die der anderen Seite (Drei-Wege-Handshake). Die Anfrage kann frühestens mit dem ACK losgehen – eine ganze Round Trip Time nach dem SYN. Deshalb lohnt es sich, Verbindungen wiederzuverwenden (Keep-Alive).',
        en: 'Both sides announce their initial sequence number and acknowledge the other’s (three-way handshake). The request can leave at the earliest with the ACK — one full round-trip time after the SYN. That is why reusing connections (keep-alive) pays off.',
      },
    },
    {
      id: 'tcp-guarantees',
      kind: 'multiple',
      prompt: { de: 'Was bietet TCP einer Anwendung?', en: 'What does TCP give an application?' },
      source: rfc(9293, 'Transmission Control Protocol (TCP), August 2022, section 2'),
      options: [
        {
          id: 'ordered',
          text: { de: 'Einen Bytestrom in der gesendeten Reihenfolge, ohne Lücken und Duplikate', en: 'A byte stream in the order sent, without gaps or duplicates' },
          correct: true,
          explanation: { de: 'Richtig: Sequenznummern ordnen die Bytes; Lücken werden durch Wiederholung gefüllt, Duplikate verworfen.', en: 'Right: sequence numbers order the bytes; gaps are filled by retransmission and duplicates discarded.' },
        },
        {
          id: 'retransmission',
          text: { de: 'Wiederholung verlorener Segmente anhand von Bestätigungen (ACKs)', en: 'Retransmission of lost segments, driven by acknowledgements (ACKs)' },
          correct: true,
          explanation: { de: 'Richtig: Was nicht rechtzeitig bestätigt wird, sendet TCP erneut.', en: 'Right: whatever is not acknowledged in time, TCP sends again.' },
        },
        {
          id: 'flow-control',
          text: { de: 'Flusskontrolle: der Empfänger begrenzt mit seinem Fenster, wie viel unterwegs sein darf', en: 'Flow control: the receiver’s window limits how much may be in flight' },
          correct: true,
          explanation: { de: 'Richtig: Das Empfangsfenster schützt einen langsamen Empfänger; die Staukontrolle (Congestion Control) schützt zusätzlich das Netz.', en: 'Right: the receive window protects a slow receiver; congestion control additionally protects the network.' },
        },
        {
          id: 'boundaries',
          text: { de: 'Nachrichtengrenzen: zwei `write`-Aufrufe kommen als zwei `read`s an', en: 'Message boundaries: two `write` calls arrive as two `read`s' },
          correct: false,
          explanation: { de: 'Falsch: TCP ist ein Bytestrom. Das Protokoll darüber muss Grenzen selbst markieren (Länge wie `Content-Length` oder ein Trennzeichen) – das ist das „Framing“ aus diesem Kapitel.', en: 'Wrong: TCP is a byte stream. The protocol on top must mark boundaries itself (a length like `Content-Length`, or a delimiter) — the “framing” of this chapter.' },
        },
        {
          id: 'multicast',
          text: { de: 'Eine Nachricht an viele Empfänger zugleich (Multicast)', en: 'One message to many receivers at once (multicast)' },
          correct: false,
          explanation: { de: 'Falsch: Eine TCP-Verbindung verbindet genau zwei Endpunkte. IP-Multicast arbeitet auf der Vermittlungsschicht und wird mit UDP benutzt; in der Cloud übernimmt Middleware wie SNS das Verteilen.', en: 'Wrong: a TCP connection joins exactly two endpoints. IP multicast works at the network layer and is used with UDP; in the cloud, middleware such as SNS does the fan-out.' },
        },
      ],
    },
    {
      id: 'port-ranges',
      kind: 'single',
      prompt: {
        de: 'Welchen Portbereich reserviert die IANA für dynamische bzw. private Ports – die „ephemeren“ Ports, die ein Client für seine Seite einer Verbindung bekommt?',
        en: 'Which port range does IANA reserve for dynamic or private ports — the “ephemeral” ports a client gets for its end of a connection?',
      },
      source: rfc(6335, 'IANA Procedures for the Management of the Service Name and Transport Protocol Port Number Registry, August 2011, section 6'),
      options: [
        {
          id: 'well-known',
          text: { de: '0–1023', en: '0–1023' },
          correct: false,
          explanation: { de: 'Falsch: Das sind die System- oder Well-Known-Ports (80 HTTP, 443 HTTPS, 53 DNS); unter Linux braucht ein Prozess Sonderrechte, um sie zu binden.', en: 'Wrong: these are the system or well-known ports (80 HTTP, 443 HTTPS, 53 DNS); on Linux a process needs privileges to bind them.' },
        },
        {
          id: 'registered',
          text: { de: '1024–49151', en: '1024–49151' },
          correct: false,
          explanation: { de: 'Falsch: Das sind die registrierten Ports (User Ports), die die IANA auf Antrag Diensten zuordnet, z. B. 5432 für PostgreSQL.', en: 'Wrong: these are the registered (user) ports that IANA assigns to services on request, e.g. 5432 for PostgreSQL.' },
        },
        {
          id: 'dynamic',
          text: { de: '49152–65535', en: '49152–65535' },
          correct: true,
          explanation: { de: 'Richtig: Dieser Bereich wird nie vergeben. Betriebssysteme wählen ihre ephemeren Ports trotzdem nach eigener Einstellung – Linux standardmäßig 32768–60999 (`net.ipv4.ip_local_port_range`).', en: 'Right: this range is never assigned. Operating systems still pick ephemeral ports by their own setting — Linux uses 32768–60999 by default (`net.ipv4.ip_local_port_range`).' },
        },
        {
          id: 'all',
          text: { de: '1–65535, jeder freie Port', en: '1–65535, any free port' },
          correct: false,
          explanation: { de: 'Falsch: Ports sind 16 Bit groß (0–65535), aber die IANA teilt sie in drei Bereiche mit verschiedenen Zwecken.', en: 'Wrong: ports are 16 bits (0–65535), but IANA splits them into three ranges with different purposes.' },
        },
      ],
    },
    {
      id: 'demux-order',
      kind: 'ordering',
      prompt: {
        de: 'Ein Frame kommt an der Netzwerkkarte eines Webservers an. In welcher Reihenfolge werden die „Demultiplexing-Felder“ gelesen, bis feststeht, welche Website gemeint ist?',
        en: 'A frame arrives at a web server’s network card. In which order are the “demultiplexing fields” read until it is clear which website is meant?',
      },
      source: { title: 'IEEE EtherType registry; RFC 791 (IPv4, Protocol field); RFC 9293 (TCP ports); RFC 9110 section 7.2 (Host); RFC 6066 section 3 (TLS SNI)', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.2', checked: CHECKED },
      items: [
        { id: 'ethertype', text: { de: 'EtherType im Ethernet-Header (0x0800 = IPv4, 0x86DD = IPv6)', en: 'EtherType in the Ethernet header (0x0800 = IPv4, 0x86DD = IPv6)' } },
        { id: 'protocol', text: { de: 'Protokollnummer im IP-Header (6 = TCP, 17 = UDP)', en: 'Protocol number in the IP header (6 = TCP, 17 = UDP)' } },
        { id: 'port', text: { de: 'Zielport im TCP-Header (443 = HTTPS)', en: 'Destination port in the TCP header (443 = HTTPS)' } },
        { id: 'sni', text: { de: 'Servername (SNI) im TLS-ClientHello', en: 'Server name (SNI) in the TLS ClientHello' } },
        { id: 'host', text: { de: '`Host`-Header der HTTP-Anfrage', en: '`Host` header of the HTTP request' } },
      ],
      explanation: {
        de: 'Jede Schicht sagt, wer die Nutzlast auspacken soll: Ethernet nennt das IP-Protokoll, IP das Transportprotokoll, der Port das Programm. Bei HTTPS kommt zuerst TLS – der Servername im ClientHello wählt das Zertifikat, bevor entschlüsselt wird –, danach nennt der Host-Header die Website.',
        en: 'Each layer says who unpacks the payload: Ethernet names the IP version, IP the transport protocol, the port the program. With HTTPS, TLS comes first — the server name in the ClientHello picks the certificate before anything is decrypted — and then the Host header names the website.',
      },
    },
    {
      id: 'same-ip-two-sites',
      kind: 'single',
      prompt: {
        de: '`shop.localhost` und `blog.localhost` zeigen auf dieselbe IP-Adresse und denselben Port 80. Woran erkennt der Server, welche Seite gemeint ist?',
        en: '`shop.localhost` and `blog.localhost` point to the same IP address and the same port 80. How does the server tell which site is meant?',
      },
      proof: hostsProof('two requests to one IP and port that differ only in Host reach different sites'),
      options: [
        {
          id: 'host-header',
          text: { de: 'Am `Host`-Header der HTTP-Anfrage', en: 'By the `Host` header of the HTTP request' },
          correct: true,
          explanation: { de: 'Richtig: Der Browser schreibt den Namen aus der URL in den Host-Header; der Server (oder Reverse Proxy) wählt danach die Seite – virtuelle Hosts. Bei HTTPS übernimmt das schon vorher SNI.', en: 'Right: the browser writes the name from the URL into the Host header; the server (or reverse proxy) picks the site by it — virtual hosts. With HTTPS, SNI does so even earlier.' },
        },
        {
          id: 'port',
          text: { de: 'Am Quellport der Verbindung', en: 'By the connection’s source port' },
          correct: false,
          explanation: { de: 'Falsch: Den Quellport wählt das Betriebssystem des Clients zufällig; er sagt nichts über die gewünschte Seite.', en: 'Wrong: the client’s operating system picks the source port at random; it says nothing about the site wanted.' },
        },
        {
          id: 'ip-protocol',
          text: { de: 'An der Protokollnummer im IP-Header', en: 'By the protocol number in the IP header' },
          correct: false,
          explanation: { de: 'Falsch: Die ist für beide Seiten 6 (TCP).', en: 'Wrong: it is 6 (TCP) for both sites.' },
        },
        {
          id: 'nothing',
          text: { de: 'Gar nicht – jede Seite braucht eine eigene IP-Adresse', en: 'It cannot — each site needs its own IP address' },
          correct: false,
          explanation: { de: 'Falsch: Das war vor HTTP/1.1 (1997) so; seitdem ist der Host-Header Pflicht, und Tausende Seiten teilen sich eine Adresse.', en: 'Wrong: that was so before HTTP/1.1 (1997); since then the Host header is mandatory, and thousands of sites share one address.' },
        },
      ],
    },
    {
      id: 'client-address-header',
      kind: 'short',
      prompt: {
        de: 'Hinter dem Reverse Proxy aus dem Lab sieht das Backend nur die Adresse des Proxys als Gegenstelle. In welchem Request-Header erfährt es die Adresse des Clients?',
        en: 'Behind the lab’s reverse proxy the backend only sees the proxy’s address as its peer. In which request header does it learn the client’s address?',
      },
      proof: hostsProof('the backend learns the client address from the header the proxy adds'),
      accept: ['X-Forwarded-For', 'XFF'],
      explanation: {
        de: '`X-Forwarded-For` – jeder Proxy hängt die Adresse seiner Gegenstelle an, z. B. `203.0.113.7, 10.0.0.5`. Standardisiert ist der Header `Forwarded` (RFC 7239), verbreitet ist X-Forwarded-For. Vertrauen darf man nur den Einträgen, die die eigenen Proxys angehängt haben: Der Client kann den Anfang frei erfinden.',
        en: '`X-Forwarded-For` — every proxy appends its peer’s address, e.g. `203.0.113.7, 10.0.0.5`. The standard header is `Forwarded` (RFC 7239); X-Forwarded-For is the common one. Trust only the entries your own proxies appended: a client can invent the beginning freely.',
      },
    },
    {
      id: 'slow-backend-status',
      kind: 'single',
      prompt: {
        de: 'Ein Reverse Proxy wartet höchstens 200 ms auf sein Backend, das Backend braucht 1,5 s. Welchen Status bekommt der Client?',
        en: 'A reverse proxy waits at most 200 ms for its backend; the backend takes 1.5 s. Which status does the client get?',
      },
      proof: hostsProof('a backend slower than the proxy timeout gets the client a 504'),
      options: [
        {
          id: '504',
          text: { de: '504 Gateway Timeout', en: '504 Gateway Timeout' },
          correct: true,
          explanation: { de: 'Richtig: Der Proxy (das Gateway) hat rechtzeitig keine Antwort vom Backend bekommen (RFC 9110, 15.6.5).', en: 'Right: the proxy (the gateway) did not get an answer from the backend in time (RFC 9110, 15.6.5).' },
        },
        {
          id: '502',
          text: { de: '502 Bad Gateway', en: '502 Bad Gateway' },
          correct: false,
          explanation: { de: 'Falsch: 502 heißt, das Backend war nicht erreichbar oder hat Unsinn geantwortet – z. B. Verbindung abgelehnt.', en: 'Wrong: 502 means the backend was unreachable or answered garbage — e.g. connection refused.' },
        },
        {
          id: '408',
          text: { de: '408 Request Timeout', en: '408 Request Timeout' },
          correct: false,
          explanation: { de: 'Falsch: 408 sagt ein Server, wenn der *Client* seine Anfrage zu langsam schickt.', en: 'Wrong: a server says 408 when the *client* is too slow sending its request.' },
        },
        {
          id: '503',
          text: { de: '503 Service Unavailable', en: '503 Service Unavailable' },
          correct: false,
          explanation: { de: 'Falsch: 503 meldet Überlast oder Wartung, oft mit `Retry-After` – nicht ein zu langsames Backend.', en: 'Wrong: 503 reports overload or maintenance, often with `Retry-After` — not a slow backend.' },
        },
      ],
    },
    {
      id: 'keep-alive-round-trips',
      kind: 'number',
      prompt: {
        de: 'Ein Client schickt viele Anfragen nacheinander, einmal über *eine* Keep-Alive-Verbindung, einmal mit einer neuen TCP-Verbindung pro Anfrage. Wie viele Round Trips zahlt die zweite Variante pro Anfrage zusätzlich (ohne TLS)?',
        en: 'A client sends many requests one after the other, once over *one* keep-alive connection, once with a new TCP connection per request. How many extra round trips per request does the second variant pay (without TLS)?',
      },
      proof: { test: 'labs/networks/proofs/keep-alive.test.ts', name: 'a new connection per request costs about one extra round trip per request' },
      answer: 1,
      unit: { de: 'Round Trips', en: 'round trips' },
      explanation: {
        de: 'Einen: den Drei-Wege-Handshake, bevor die Anfrage losgehen darf. Mit TLS 1.3 kommt ein weiterer dazu (mit TLS 1.2 zwei). Im Lab misst `measure.ts` das mit künstlicher Latenz: 9 Anfragen, 80 ms pro Verbindungsaufbau – die typische Anfrage mit neuer Verbindung dauert rund 80 ms länger.',
        en: 'One: the three-way handshake before the request may leave. TLS 1.3 adds another (TLS 1.2 two). In the lab, `measure.ts` measures it with injected latency: 9 requests, 80 ms per connection set-up — the typical request on a new connection takes about 80 ms longer.',
      },
    },
    {
      id: 'rtt-vienna-frankfurt',
      kind: 'number',
      prompt: {
        de: 'Wien–Frankfurt sind rund 600 km Luftlinie. Licht in Glasfaser schafft etwa 200.000 km/s. Wie lange dauert ein Round Trip mindestens?',
        en: 'Vienna–Frankfurt is about 600 km as the crow flies. Light in fibre covers about 200,000 km/s. What is the minimum round-trip time?',
      },
      source: { title: 'Physics: light in silica fibre travels at c/n with n ≈ 1.47, about 204,000 km/s; great-circle distance Vienna–Frankfurt ≈ 598 km', url: 'https://en.wikipedia.org/wiki/Optical_fiber', checked: CHECKED },
      answer: 6,
      tolerance: 1,
      unit: { de: 'ms', en: 'ms' },
      explanation: {
        de: '2 × 600 km ÷ 200.000 km/s = 0,006 s = 6 ms. Gemessen sind es eher 10–15 ms: Kabel folgen nicht der Luftlinie, und jeder Router braucht Zeit. Frankfurt–Nord-Virginia (≈ 6.550 km) kostet mindestens 65 ms.',
        en: '2 × 600 km ÷ 200,000 km/s = 0.006 s = 6 ms. Measured, it is more like 10–15 ms: cables do not follow the great circle, and every router takes time. Frankfurt–Northern Virginia (≈ 6,550 km) costs at least 65 ms.',
      },
    },
  ],
});
