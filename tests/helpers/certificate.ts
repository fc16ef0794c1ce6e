import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A self-signed certificate for 127.0.0.1, as PEM files in a folder and their contents. */
export interface TestCertificate {
  readonly keyFile: string;
  readonly certFile: string;
  readonly key: Buffer;
  readonly cert: Buffer;
  /**
   * The SHA-256 of its public key, base64, for Chromium's --ignore-certificate-errors-spki-list: a
   * certificate accepted that way counts as valid, so responses are cached as from a real host
   * (with ignoreHTTPSErrors alone, Chromium caches nothing from a host whose certificate failed).
   */
  readonly spki: string;
}

/** Makes a throwaway certificate for 127.0.0.1 (valid `days` days) with the openssl command, into `folder`. */
export function makeTestCertificate(folder: string, days = 2): TestCertificate {
  const keyFile = path.join(folder, 'key.pem');
  const certFile = path.join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      String(days),
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = fs.readFileSync(certFile);
  const spki = crypto
    .createHash('sha256')
    .update(new crypto.X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  return { keyFile, certFile, key: fs.readFileSync(keyFile), cert, spki };
}
