/**
 * Chapter 7 quiz: storage and the data lake. Keyed answers about behaviour are proven by
 * `labs/datalake/proofs/proofs.test.ts` (the local cloud's user pool, the lab's name validation, concurrent reads);
 * the others name their source.
 */
import { defineQuiz, type ProofRef, type SourceRef } from './quiz.ts';

const PROOFS = 'labs/datalake/proofs/proofs.test.ts';
const proof = (name: string): ProofRef => ({ test: PROOFS, name });
const CHECKED = '2026-11-28';

const source = (title: string, url: string): SourceRef => ({ title, url, checked: CHECKED });

export default defineQuiz({
  chapter: '07-storage',
  questions: [
    {
      id: 'storage-kind',
      kind: 'single',
      prompt: {
        de: 'Mehrere Lambda-Funktionen in verschiedenen Availability Zones sollen gleichzeitig dieselben Dateien lesen und mit gewöhnlichen Dateioperationen (öffnen, anhängen, umbenennen) ändern. Welche Speicherart passt?',
        en: 'Several Lambda functions in different Availability Zones must read the same files at the same time and change them with ordinary file operations (open, append, rename). Which kind of storage fits?',
      },
      source: source('Amazon EFS User Guide: What is Amazon Elastic File System?', 'https://docs.aws.amazon.com/efs/latest/ug/whatisefs.html'),
      options: [
        {
          id: 'file',
          text: { de: 'Dateispeicher (EFS über NFS)', en: 'File storage (EFS over NFS)' },
          correct: true,
          explanation: {
            de: 'Richtig: EFS ist ein gemeinsames POSIX-Dateisystem, das viele Clients in mehreren AZs gleichzeitig über NFS einhängen – mit Verzeichnissen, Rechten und atomarem rename.',
            en: 'Right: EFS is a shared POSIX file system that many clients in several AZs mount at the same time over NFS — with directories, permissions and atomic rename.',
          },
        },
        {
          id: 'block',
          text: { de: 'Blockspeicher (EBS)', en: 'Block storage (EBS)' },
          correct: false,
          explanation: {
            de: 'Falsch: Ein EBS-Volume hängt an einer EC2-Instanz in einer AZ; Lambda kann gar keine EBS-Volumes einbinden.',
            en: 'Wrong: an EBS volume is attached to an EC2 instance in one AZ; Lambda cannot attach EBS volumes at all.',
          },
        },
        {
          id: 'object',
          text: { de: 'Objektspeicher (S3)', en: 'Object storage (S3)' },
          correct: false,
          explanation: {
            de: 'Falsch: S3 speichert ganze Objekte über eine HTTP-API. Anhängen oder Umbenennen an Ort und Stelle gibt es nicht – man schreibt das Objekt neu. Für viele Datalakes ist das trotzdem die bessere Wahl, nur nicht für diese Anforderung.',
            en: 'Wrong: S3 stores whole objects through an HTTP API. There is no append or rename in place — you write the object again. For many data lakes it is still the better choice, just not for this requirement.',
          },
        },
      ],
    },
    {
      id: 's3-consistency',
      kind: 'single',
      prompt: {
        de: 'Ein Programm überschreibt ein bestehendes S3-Objekt mit PUT und liest es direkt nach der Erfolgsantwort mit GET. Was bekommt es (Stand seit Dezember 2020)?',
        en: 'A program overwrites an existing S3 object with PUT and reads it with GET right after the success response. What does it get (as of December 2020)?',
      },
      source: source('Amazon S3 strong consistency', 'https://aws.amazon.com/s3/consistency/'),
      options: [
        {
          id: 'new',
          text: { de: 'Immer die neue Version', en: 'Always the new version' },
          correct: true,
          explanation: {
            de: 'Richtig: S3 ist seit Dezember 2020 automatisch und ohne Aufpreis stark konsistent für PUT, Überschreiben, DELETE und LIST.',
            en: 'Right: since December 2020 S3 is strongly consistent for PUT, overwrite, DELETE and LIST, automatically and at no extra cost.',
          },
        },
        {
          id: 'maybe-old',
          text: { de: 'Eventuell noch eine Weile die alte Version (eventual consistency)', en: 'Possibly the old version for a while (eventual consistency)' },
          correct: false,
          explanation: {
            de: 'Falsch – das war bis Ende 2020 so und steht noch in vielen älteren Unterlagen.',
            en: 'Wrong — that was true until late 2020 and is still written in much older material.',
          },
        },
        {
          id: 'not-found',
          text: { de: 'Eventuell 404, bis das Objekt repliziert ist', en: 'Possibly a 404 until the object has been replicated' },
          correct: false,
          explanation: {
            de: 'Falsch: Auch ein neu angelegtes Objekt ist sofort nach der Erfolgsantwort lesbar.',
            en: 'Wrong: a newly created object, too, is readable right after the success response.',
          },
        },
      ],
    },
    {
      id: 'lake-vs-warehouse',
      kind: 'single',
      prompt: {
        de: 'Was unterscheidet einen Datalake von einem Data Warehouse am deutlichsten?',
        en: 'What distinguishes a data lake from a data warehouse most clearly?',
      },
      source: source('AWS: What is a data lake?', 'https://aws.amazon.com/what-is/data-lake/'),
      options: [
        {
          id: 'schema-on-read',
          text: {
            de: 'Der Datalake speichert Rohdaten jeder Form und legt das Schema erst beim Lesen fest (schema on read)',
            en: 'The data lake stores raw data of any shape and applies a schema only when reading (schema on read)',
          },
          correct: true,
          explanation: {
            de: 'Richtig: Ein Warehouse lädt bereinigte, strukturierte Daten in ein festes Schema (schema on write) und ist für Abfragen optimiert; ein Datalake nimmt zuerst alles auf und entscheidet später.',
            en: 'Right: a warehouse loads cleaned, structured data into a fixed schema (schema on write) and is optimised for queries; a data lake takes everything first and decides later.',
          },
        },
        {
          id: 'size',
          text: { de: 'Ein Datalake ist einfach ein sehr großes Data Warehouse', en: 'A data lake is simply a very large data warehouse' },
          correct: false,
          explanation: {
            de: 'Falsch: Der Unterschied ist nicht die Größe, sondern wann Daten strukturiert werden.',
            en: 'Wrong: the difference is not size but when data is given structure.',
          },
        },
        {
          id: 'no-security',
          text: { de: 'Ein Datalake braucht keine Zugriffskontrolle, weil er nur Rohdaten enthält', en: 'A data lake needs no access control because it holds only raw data' },
          correct: false,
          explanation: {
            de: 'Falsch: Gerade Rohdaten enthalten oft personenbezogene Daten. Ohne Zugriffskontrolle wird ein Datalake zum Datensumpf – und zum Datenleck.',
            en: 'Wrong: raw data in particular often contains personal data. Without access control a data lake becomes a data swamp — and a data leak.',
          },
        },
      ],
    },
    {
      id: 'efs-mount-path',
      kind: 'short',
      prompt: {
        de: 'Mit welchem Verzeichnis muss der lokale Einhängepfad (`LocalMountPath`) eines EFS-Access-Points in einer Lambda-Funktion beginnen? (mit Schrägstrichen, z. B. `/abc/`)',
        en: 'Which directory must the local mount path (`LocalMountPath`) of an EFS access point in a Lambda function start with? (with slashes, e.g. `/abc/`)',
      },
      source: source('AWS Lambda API Reference: FileSystemConfig', 'https://docs.aws.amazon.com/lambda/latest/api/API_FileSystemConfig.html'),
      accept: ['/mnt/', '/mnt'],
      explanation: {
        de: 'Der Pfad muss dem Muster `^/mnt/[a-zA-Z0-9-_.]+$` entsprechen, z. B. `/mnt/lake`, und `Arn` muss der ARN eines Access Points sein, nicht des Dateisystems.',
        en: 'The path must match `^/mnt/[a-zA-Z0-9-_.]+$`, e.g. `/mnt/lake`, and `Arn` must be an access point ARN, not the file system’s.',
      },
    },
    {
      id: 'user-vs-identity-pool',
      kind: 'single',
      prompt: {
        de: 'Welcher Teil von Amazon Cognito stellt die JWTs aus, die der JWT-Authorizer einer HTTP API prüft?',
        en: 'Which part of Amazon Cognito issues the JWTs that an HTTP API JWT authorizer checks?',
      },
      source: source('Amazon Cognito Developer Guide: What is Amazon Cognito?', 'https://docs.aws.amazon.com/cognito/latest/developerguide/what-is-amazon-cognito.html'),
      options: [
        {
          id: 'user-pool',
          text: { de: 'Der User Pool', en: 'The user pool' },
          correct: true,
          explanation: {
            de: 'Richtig: Der User Pool ist das Benutzerverzeichnis; nach der Anmeldung gibt er ID-, Access- und Refresh-Token aus.',
            en: 'Right: the user pool is the user directory; after sign-in it issues ID, access and refresh tokens.',
          },
        },
        {
          id: 'identity-pool',
          text: { de: 'Der Identity Pool', en: 'The identity pool' },
          correct: false,
          explanation: {
            de: 'Falsch: Ein Identity Pool tauscht ein Token (z. B. aus dem User Pool) gegen temporäre AWS-Zugangsdaten einer IAM-Rolle – für direkte Aufrufe von AWS-Diensten, nicht für den JWT-Authorizer.',
            en: 'Wrong: an identity pool exchanges a token (e.g. from the user pool) for temporary AWS credentials of an IAM role — for calling AWS services directly, not for the JWT authorizer.',
          },
        },
        {
          id: 'iam',
          text: { de: 'IAM Identity Center', en: 'IAM Identity Center' },
          correct: false,
          explanation: {
            de: 'Falsch: Identity Center verwaltet Zugänge von Mitarbeitenden zu AWS-Konten, nicht die Benutzer einer Anwendung.',
            en: 'Wrong: Identity Center manages workforce access to AWS accounts, not the users of an application.',
          },
        },
      ],
    },
    {
      id: 'refused-tokens',
      kind: 'multiple',
      prompt: {
        de: 'Die API prüft Access-Tokens wie der JWT-Authorizer einer HTTP API: Signatur über die JWKS des User Pools, Aussteller, Ablauf und `client_id`. Welche Tokens werden abgewiesen?',
        en: 'The API checks access tokens like an HTTP API JWT authorizer: signature against the user pool’s JWKS, issuer, expiry and `client_id`. Which tokens are refused?',
      },
      proof: proof('forged, tampered, expired and foreign-client tokens are refused'),
      options: [
        {
          id: 'valid',
          text: { de: 'Ein frisches Token des User Pools für den richtigen App-Client', en: 'A fresh token of the user pool for the right app client' },
          correct: false,
          explanation: {
            de: 'Wird angenommen – das ist die Kontrolle, die zeigt, dass die Ablehnungen an den Tokens liegen und nicht an der Prüfung.',
            en: 'Accepted — this is the control showing that the refusals are about the tokens, not about the check.',
          },
        },
        {
          id: 'forged',
          text: { de: 'Gleiche Claims und `kid`, aber mit einem fremden Schlüssel signiert', en: 'The same claims and `kid`, but signed with another key' },
          correct: true,
          explanation: {
            de: 'Abgewiesen: Die Signatur passt nicht zum öffentlichen Schlüssel mit dieser `kid` in der JWKS.',
            en: 'Refused: the signature does not match the public key with this `kid` in the JWKS.',
          },
        },
        {
          id: 'tampered',
          text: { de: 'Ein echtes Token, dessen `sub` nachträglich geändert wurde', en: 'A genuine token whose `sub` was changed afterwards' },
          correct: true,
          explanation: {
            de: 'Abgewiesen: Die Signatur deckt Header und Claims ab; jede Änderung macht sie ungültig. Ein JWT ist signiert, nicht verschlüsselt – lesen kann es jeder, ändern niemand.',
            en: 'Refused: the signature covers header and claims; any change invalidates it. A JWT is signed, not encrypted — anyone can read it, nobody can change it.',
          },
        },
        {
          id: 'expired',
          text: { de: 'Ein echtes Token, dessen `exp` vorbei ist', en: 'A genuine token whose `exp` has passed' },
          correct: true,
          explanation: {
            de: 'Abgewiesen: Access-Tokens gelten standardmäßig 60 Minuten; danach holt der Client mit dem Refresh-Token ein neues.',
            en: 'Refused: access tokens are valid for 60 minutes by default; then the client gets a new one with the refresh token.',
          },
        },
        {
          id: 'foreign',
          text: { de: 'Ein echtes Token desselben User Pools, aber für einen anderen App-Client', en: 'A genuine token of the same user pool, but for another app client' },
          correct: true,
          explanation: {
            de: 'Abgewiesen: Die Audience (`aud` im ID-Token, `client_id` im Access-Token) muss zur Liste des Authorizers passen – sonst könnte jede App des Pools eure API aufrufen.',
            en: 'Refused: the audience (`aud` in the ID token, `client_id` in the access token) must be in the authorizer’s list — otherwise every app of the pool could call your API.',
          },
        },
      ],
    },
    {
      id: 'accepted-names',
      kind: 'multiple',
      prompt: {
        de: 'Welche Datensatznamen akzeptiert die Namensprüfung des Datalakes (so, wie die Funktion sie nach dem Dekodieren des Pfads sieht)?',
        en: 'Which dataset names does the data lake’s name check accept (as the function sees them after the path was decoded)?',
      },
      proof: proof('only plain names are accepted'),
      options: [
        {
          id: 'plain',
          text: { de: '`sales-2026_q3.csv`', en: '`sales-2026_q3.csv`' },
          correct: true,
          explanation: { de: 'Angenommen: nur Zeichen aus `[A-Za-z0-9._-]`.', en: 'Accepted: only characters from `[A-Za-z0-9._-]`.' },
        },
        {
          id: 'versioned',
          text: { de: '`sensor.v2.json`', en: '`sensor.v2.json`' },
          correct: true,
          explanation: {
            de: 'Angenommen: Punkte sind erlaubt, nur nicht am Anfang (`.`, `..` und die temporären Dateien).',
            en: 'Accepted: dots are allowed, just not at the start (`.`, `..` and the temporary files).',
          },
        },
        {
          id: 'dotdot',
          text: { de: '`../bob/secret.json`', en: '`../bob/secret.json`' },
          correct: false,
          explanation: { de: 'Abgewiesen: Path Traversal in das Verzeichnis eines anderen Benutzers.', en: 'Refused: path traversal into another user’s directory.' },
        },
        {
          id: 'encoded',
          text: { de: '`%2e%2e%2fbob`', en: '`%2e%2e%2fbob`' },
          correct: false,
          explanation: {
            de: 'Abgewiesen: `%` steht nicht auf der Erlaubnisliste. Wer hier ein zweites Mal dekodiert, macht daraus `../bob`.',
            en: 'Refused: `%` is not on the allow-list. Whoever decodes a second time turns it into `../bob`.',
          },
        },
        {
          id: 'absolute',
          text: { de: '`/etc/passwd`', en: '`/etc/passwd`' },
          correct: false,
          explanation: {
            de: 'Abgewiesen: `path.join(dir, name)` würde ihn zwar anhängen, `path.resolve` aber beim absoluten Pfad neu beginnen.',
            en: 'Refused: `path.join(dir, name)` would append it, but `path.resolve` starts over at an absolute path.',
          },
        },
        {
          id: 'backslash',
          text: { de: '`..\\..\\boot.ini`', en: '`..\\..\\boot.ini`' },
          correct: false,
          explanation: { de: 'Abgewiesen: Backslashes sind unter Windows Pfadtrenner.', en: 'Refused: backslashes are path separators on Windows.' },
        },
        {
          id: 'nul',
          text: { de: '`report.csv` + NUL-Byte + `.png`', en: '`report.csv` + NUL byte + `.png`' },
          correct: false,
          explanation: {
            de: 'Abgewiesen: Ein NUL-Byte schneidet Dateinamen in C-Schnittstellen ab; eine Endungsprüfung sähe `.png`, das Dateisystem `report.csv`.',
            en: 'Refused: a NUL byte cuts file names short in C interfaces; an extension check would see `.png`, the file system `report.csv`.',
          },
        },
      ],
    },
    {
      id: 'traversal-status',
      kind: 'number',
      prompt: {
        de: 'Mit welchem HTTP-Statuscode antwortet der Datalake auf `PUT /datasets/{name}`, wenn der Name einen Traversal-Versuch enthält?',
        en: 'Which HTTP status code does the data lake answer to `PUT /datasets/{name}` when the name holds a traversal attempt?',
      },
      proof: proof('a traversal name is rejected with 400'),
      answer: 400,
      explanation: {
        de: '400 Bad Request: Die Anfrage selbst ist ungültig, egal wer sie stellt. 401 hieße „nicht angemeldet“, 403 „angemeldet, aber nicht berechtigt“, 404 verwendet die API für fremde Datensätze, damit man ihre Existenz nicht erraten kann.',
        en: '400 Bad Request: the request itself is invalid, no matter who sends it. 401 would mean "not signed in", 403 "signed in but not allowed"; the API uses 404 for other users’ datasets so that nobody can guess they exist.',
      },
    },
    {
      id: 'reader-during-write',
      kind: 'single',
      prompt: {
        de: 'Ein Datensatz (2 MiB) wird ersetzt: zuerst in eine temporäre Datei im selben Verzeichnis geschrieben, dann per `rename` an seinen Platz. Was kann ein Leser sehen, der die Datei währenddessen immer wieder liest?',
        en: 'A dataset (2 MiB) is replaced: first written to a temporary file in the same directory, then moved into place with `rename`. What can a reader see who reads the file again and again meanwhile?',
      },
      proof: proof('a reader never sees a partial write'),
      options: [
        {
          id: 'old-or-new',
          text: { de: 'Nur die alte oder die neue Datei, jeweils vollständig', en: 'Only the old or the new file, each complete' },
          correct: true,
          explanation: {
            de: 'Richtig: `rename` innerhalb eines Dateisystems ersetzt den Verzeichniseintrag atomar (auch auf NFS/EFS). Der Test zeigt zum Vergleich: Wer direkt in die Datei schreibt, lässt Leser halbe Dateien sehen.',
            en: 'Right: `rename` within one file system replaces the directory entry atomically (also on NFS/EFS). The test shows for comparison: writing straight into the file lets readers see half files.',
          },
        },
        {
          id: 'partial',
          text: { de: 'Auch eine halb geschriebene Datei', en: 'A half-written file, too' },
          correct: false,
          explanation: {
            de: 'Falsch für temp + rename – richtig aber für direktes Schreiben (`open(file, "w")` kürzt sofort, dann kommen die Blöcke nach und nach).',
            en: 'Wrong for temp + rename — but right for writing in place (`open(file, "w")` truncates at once, then the chunks arrive one by one).',
          },
        },
        {
          id: 'error',
          text: { de: 'Einen Fehler, solange geschrieben wird', en: 'An error while the write is going on' },
          correct: false,
          explanation: {
            de: 'Falsch: POSIX-Dateisysteme sperren Dateien nicht automatisch; wer Sperren will, muss sie selbst nehmen.',
            en: 'Wrong: POSIX file systems do not lock files automatically; whoever wants locks has to take them.',
          },
        },
      ],
    },
    {
      id: 'request-path',
      kind: 'ordering',
      prompt: {
        de: 'Bringe die Schritte eines `PUT /datasets/report.csv` im Datalake in die richtige Reihenfolge.',
        en: 'Put the steps of a `PUT /datasets/report.csv` in the data lake in order.',
      },
      source: source('Amazon API Gateway Developer Guide: Controlling access to HTTP APIs with JWT authorizers', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html'),
      items: [
        { id: 'sign-in', text: { de: 'Anmeldung am User Pool, Access-Token erhalten', en: 'Sign in at the user pool, receive an access token' } },
        { id: 'request', text: { de: 'Anfrage mit `Authorization: Bearer <token>` an die HTTP API', en: 'Request with `Authorization: Bearer <token>` to the HTTP API' } },
        { id: 'authorize', text: { de: 'JWT-Authorizer prüft Signatur, Aussteller, Ablauf, Audience', en: 'JWT authorizer checks signature, issuer, expiry, audience' } },
        { id: 'validate', text: { de: 'Funktion prüft den Namen und bildet den Pfad aus dem `sub`', en: 'The function checks the name and builds the path from the `sub`' } },
        { id: 'write', text: { de: 'Temporäre Datei schreiben, dann `rename` auf EFS', en: 'Write a temporary file, then `rename` on EFS' } },
      ],
      explanation: {
        de: 'Der Authorizer läuft vor der Funktion: Ein ungültiges Token bekommt 401, ohne dass euer Code überhaupt startet. Die Funktion vertraut nur den Claims, die der Authorizer geprüft hat, und nie einem Benutzernamen aus Pfad oder Body.',
        en: 'The authorizer runs before the function: an invalid token gets a 401 without your code even starting. The function trusts only the claims the authorizer checked, never a user name from the path or the body.',
      },
    },
    {
      id: 'cognito-free-mau',
      kind: 'number',
      prompt: {
        de: 'Wie viele monatlich aktive Benutzer (MAU) sind im kostenlosen Kontingent eines User Pools im Plan „Essentials“ (Standard für neue Pools) enthalten?',
        en: 'How many monthly active users (MAU) does the free tier of a user pool on the Essentials plan (the default for new pools) include?',
      },
      source: source('Amazon Cognito Developer Guide: User pool feature plans', 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html'),
      answer: 10000,
      unit: { de: 'MAU pro Monat', en: 'MAU per month' },
      explanation: {
        de: '10.000 MAU pro Monat für Lite und Essentials (direkte und Social-Anmeldung), ohne Ablaufdatum; der Plan „Plus“ hat kein kostenloses Kontingent (Stand 2026-09).',
        en: '10,000 MAU per month for Lite and Essentials (direct and social sign-in), with no end date; the Plus plan has no free tier (as of 2026-09).',
      },
    },
  ],
});
