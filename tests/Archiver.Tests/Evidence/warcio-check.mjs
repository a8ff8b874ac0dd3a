// Reads a WARC (.warc or .warc.gz) with Webrecorder's warcio.js and checks every record's digests.
// Prints one JSON object: { records: [...], cdxj: "..." }. Exit code 0 even on mismatches: the caller asserts.
//   node warcio-check.mjs <file.warc.gz>
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { WARCParser, CDXIndexer } from "warcio";

const file = process.argv[2];
const sha256 = (bytes) => "sha256:" + createHash("sha256").update(bytes).digest("hex");

// Pass 1: the whole block of each record, as stored (HTTP head and payload together): WARC-Block-Digest.
const blocks = [];
for await (const record of new WARCParser(createReadStream(file), { parseHttp: false })) {
  const block = await record.readFully(false);
  blocks.push({ type: record.warcType, blockDigest: record.warcBlockDigest, blockComputed: sha256(block), length: record.warcContentLength, blockBytes: block.length });
}

// Pass 2: HTTP parsed, the raw payload after the head: WARC-Payload-Digest, status, target.
const records = [];
let i = 0;
for await (const record of new WARCParser(createReadStream(file), { keepHeadersCase: true })) {
  const payload = await record.readFully(false);
  const http = record.httpHeaders;
  records.push({
    ...blocks[i++],
    target: record.warcTargetURI ?? null,
    date: record.warcDate,
    recordId: record.warcHeader("WARC-Record-ID"),
    concurrentTo: record.warcHeader("WARC-Concurrent-To") ?? null,
    contentType: record.warcContentType,
    payloadDigest: record.warcPayloadDigest ?? null,
    payloadComputed: sha256(payload),
    payloadBytes: payload.length,
    status: http && record.warcType === "response" ? http.statusCode : null,
    method: http && record.warcType === "request" ? http.method : null,
    httpContentType: http ? (http.headers.get("Content-Type") ?? null) : null,
    location: http && record.warcType === "response" ? (http.headers.get("Location") ?? null) : null,
    host: http && record.warcType === "request" ? (http.headers.get("Host") ?? null) : null,
    payloadText: record.warcType === "response" && (http?.headers.get("Content-Type") ?? "").includes("json") ? new TextDecoder().decode(payload) : null,
  });
}

// warcio's own CDXJ indexer over the same file, to hold our index against.
const chunks = [];
const writer = { write: (s) => chunks.push(s) };
await new CDXIndexer({ format: "cdxj" }).writeAll([{ filename: "data.warc.gz", reader: createReadStream(file) }], writer);

process.stdout.write(JSON.stringify({ records, cdxj: chunks.join("") }));
