import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeS3Request = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type FakeS3 = {
  /** `http://127.0.0.1:<port>`, for S3_ENDPOINT. */
  endpoint: string;
  requests: FakeS3Request[];
  /** Stored objects by `/<bucket>/<key>` path. */
  objects: Map<string, { body: Buffer; contentType: string }>;
  /** PUTs to paths this matches get S3's 403 AccessDenied. */
  denyPuts: { test: (path: string) => boolean } | undefined;
  close: () => Promise<void>;
};

const s3Error = (code: string, message: string, resource: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource><RequestId>FAKE0001</RequestId></Error>`;

/**
 * A minimal S3 endpoint speaking the real wire format (path-style): PutObject (`PUT
 * /<bucket>/<key>` → 200 with an ETag), GetObject, and DeleteObject (`DELETE` → 204, also for a
 * missing key). Requests without a SigV4 `Authorization` header get S3's 403 XML error.
 */
export const startFakeS3 = async (): Promise<FakeS3> => {
  const requests: FakeS3Request[] = [];
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const fake: FakeS3 = {
    endpoint: '',
    requests,
    objects,
    denyPuts: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      res.setHeader('x-amz-request-id', 'FAKE0001');
      const xmlError = (status: number, code: string, message: string) => {
        res.writeHead(status, { 'Content-Type': 'application/xml' });
        res.end(s3Error(code, message, path));
      };
      if (!/^AWS4-HMAC-SHA256 Credential=/.test(req.headers.authorization ?? '')) {
        xmlError(403, 'AccessDenied', 'Access Denied');
        return;
      }
      if (req.method === 'PUT') {
        if (fake.denyPuts?.test(path)) {
          xmlError(403, 'AccessDenied', 'Access Denied');
          return;
        }
        objects.set(path, {
          body,
          contentType: req.headers['content-type'] ?? 'binary/octet-stream',
        });
        res.writeHead(200, { ETag: '"d41d8cd98f00b204e9800998ecf8427e"' });
        res.end();
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204);
        res.end();
      } else if (req.method === 'GET') {
        const object = objects.get(path);
        if (!object) {
          xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
          return;
        }
        res.writeHead(200, { 'Content-Type': object.contentType });
        res.end(object.body);
      } else {
        xmlError(405, 'MethodNotAllowed', 'The specified method is not allowed');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.endpoint = `http://127.0.0.1:${port}`;
  return fake;
};
