/**
 * Entry point: `npm start` / `npm run serve`. Runs the process in UTC so that opening-hours evaluation,
 * which works on wall-clock Dates, never meets a DST gap of the host's zone (see recommend/opening-hours.ts).
 */
import { startApp } from './app.ts';
import { ConfigError, loadConfig, type LoadedConfig } from './config.ts';
import { createLogger } from './log/logger.ts';
import { StartupError } from './startup-error.ts';

// Node re-reads TZ when it changes; nothing computes a date before this line runs.
process.env.TZ = 'UTC';

let loaded: LoadedConfig;
try {
  loaded = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
}
const { config } = loaded;

const logger = createLogger({ level: config.logLevel });
for (const warning of loaded.warnings) logger.warn(warning);
try {
  const app = await startApp(config, { logger });
  const counts = app.ctx.graph.counts();
  logger.info({ startupMs: Math.round(performance.now()), places: counts.nodes.place ?? 0, nodes: counts.totalNodes, edges: counts.totalEdges }, `Escale is ready at ${app.url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (err) {
  // A StartupError says what to do (its stack would bury that); anything else is a bug, with its stack.
  if (err instanceof StartupError) console.error(err.message);
  else logger.fatal({ err }, err instanceof Error ? err.message : 'start failed');
  process.exit(1);
}
