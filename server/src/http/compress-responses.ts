/**
 * Compresses what the server writes at request time (API JSON such as the catalogue's GeoJSON, the page
 * itself). Built assets are not touched here: they are served precompressed (static-client.ts) and already
 * carry a Content-Encoding, which this middleware leaves alone.
 */
import compression from 'compression';
import type { Request, Response } from 'express';

/** Below this, the gzip header and the CPU cost outweigh the bytes saved. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

function shouldCompress(req: Request, res: Response): boolean {
  // A byte range of a compressed stream is not the range the client asked for (PMTiles reads ranges).
  if (req.headers.range) return false;
  return compression.filter(req, res);
}

export function compressResponses() {
  return compression({ threshold: COMPRESS_THRESHOLD_BYTES, filter: shouldCompress });
}
