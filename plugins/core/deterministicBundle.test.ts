import {rspack} from '@rspack/core';
import {describe, expect, it} from 'vitest';
import {withStableNames} from './deterministicBundle';

type Args = {_args: [{minimizerOptions?: Record<string, unknown>; test?: unknown}]};

describe('withStableNames', () => {
  it('keeps every option of the SWC minimizer and names variables without character frequencies', () => {
    const swc = new rspack.SwcJsMinimizerRspackPlugin({minimizerOptions: {minify: true, ecma: 2020, mangle: true, compress: {ecma: 5}}});
    const css = new rspack.LightningCssMinimizerRspackPlugin({});
    const out = withStableNames([swc, css], rspack.SwcJsMinimizerRspackPlugin);
    expect(out).toHaveLength(2);
    expect(out[1]).toBe(css);
    expect(out[0]).toBeInstanceOf(rspack.SwcJsMinimizerRspackPlugin);
    expect((out[0] as unknown as Args)._args[0]).toEqual({minimizerOptions: {minify: true, ecma: 2020, mangle: {disableCharFreq: true}, compress: {ecma: 5}}});
  });

  it('keeps mangle options and leaves a minimizer that does not mangle alone', () => {
    const keep = new rspack.SwcJsMinimizerRspackPlugin({minimizerOptions: {mangle: {keep_classnames: true}}});
    const none = new rspack.SwcJsMinimizerRspackPlugin({minimizerOptions: {mangle: false}});
    const [kept, untouched] = withStableNames([keep, none], rspack.SwcJsMinimizerRspackPlugin) as unknown as Args[];
    expect(kept!._args[0].minimizerOptions).toEqual({mangle: {keep_classnames: true, disableCharFreq: true}});
    expect(untouched).toBe(none);
  });
});
