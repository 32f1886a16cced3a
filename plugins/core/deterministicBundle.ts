/**
 * Same input, same bytes, for the bundle too (docs/adr/0026). Two builds of the same site differed
 * only in names SWC's minifier chose: it ranks short names by how often each character occurs in the
 * chunk, and a chunk that loads others (the runtime, the search worker) is minified while it still
 * holds provisional content hashes, which Rspack replaces by the real ones afterwards. Different
 * provisional hashes, different names, a different runtime hash, and every HTML page that loads the
 * runtime differs. With `disableCharFreq` the minifier names variables in the order it meets them,
 * whatever the text around them. Module and chunk ids are pinned to `deterministic` (what production
 * mode uses today) so an upstream default cannot change them behind our back.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';

interface MinimizerArgs {
  minimizerOptions?: {mangle?: boolean | Record<string, unknown>} & Record<string, unknown>;
}

type MinimizerClass = new (options: MinimizerArgs & Record<string, unknown>) => unknown;

/** Each SWC minimizer again, with the same options and names that do not depend on character frequencies. */
export function withStableNames(minimizers: unknown[], SwcMinimizer: MinimizerClass | undefined): unknown[] {
  if (!SwcMinimizer) return minimizers;
  return minimizers.map((minimizer) => {
    if (!(minimizer instanceof SwcMinimizer)) return minimizer;
    const options = ((minimizer as {_args?: [MinimizerArgs?]})._args?.[0] ?? {}) as MinimizerArgs & Record<string, unknown>;
    const mangle = options.minimizerOptions?.mangle ?? true;
    if (mangle === false) return minimizer;
    return new SwcMinimizer({
      ...options,
      minimizerOptions: {...options.minimizerOptions, mangle: {...(typeof mangle === 'object' ? mangle : {}), disableCharFreq: true}},
    });
  });
}

export default function deterministicBundle(context: LoadContext): Plugin<void> {
  return {
    name: 'docs-architect-deterministic-bundle',
    configureWebpack(config, isServer, utils) {
      // Deterministic module ids hash each module's path relative to the context, which defaults to
      // the working directory: the generated modules of `.docusaurus/` live in the site folder, this
      // build's work folder under the cache (docs/adr/0025), so their ids, and every chunk that
      // names them, changed with the work folder. From the site folder their paths are the same in
      // every build; modules outside it (the package, node_modules) keep one path per install.
      config.context = context.siteDir;
      config.optimization ??= {};
      config.optimization.moduleIds = 'deterministic';
      config.optimization.chunkIds = 'deterministic';
      if (!isServer && utils.currentBundler.name === 'rspack' && config.optimization.minimizer) {
        const bundler = utils.currentBundler.instance as unknown as {SwcJsMinimizerRspackPlugin?: MinimizerClass};
        config.optimization.minimizer = withStableNames(config.optimization.minimizer, bundler.SwcJsMinimizerRspackPlugin) as typeof config.optimization.minimizer;
      }
      return {};
    },
  };
}
