import { createHash } from 'node:crypto';

import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compiler } from 'webpack';

/**
 * The H5 build's Content-Security-Policy allows no inline script (issue 17). Taro hands its rem
 * script (the root font size that pxtransform's rem units follow) to html-webpack-plugin as the
 * `script` option, for an inline <script> in the page: this writes it to js/rem.<hash>.js instead
 * and loads it from the head as a blocking script, so it still runs before the page is laid out.
 * src/index.html therefore no longer prints the option.
 */
export class RemScriptFile {
  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('RemScriptFile', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('RemScriptFile', (data) => {
        const script = String((data.plugin as unknown as { options: { script?: string } }).options.script ?? '');
        if (!script) return data;
        const hash = createHash('sha256').update(script).digest('hex').slice(0, 8);
        const file = `js/rem.${hash}.js`;
        if (!compilation.getAsset(file)) compilation.emitAsset(file, new compiler.webpack.sources.RawSource(script));
        const publicPath = data.publicPath.endsWith('/') || !data.publicPath ? data.publicPath : `${data.publicPath}/`;
        data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject('script', { src: `${publicPath}${file}` }));
        return data;
      });
    });
  }
}
