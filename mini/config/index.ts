import path from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';

import { RemScriptFile } from './remScriptFile';

// The weapp build talks to the deployed platform; H5 is served by the same server, so it uses
// same-origin `/api` and ignores API_BASE (see src/services/request.ts).
const apiBase = process.env.MINI_API_BASE || 'https://wy.baotou.gov.cn/api';
const isH5 = process.env.TARO_ENV === 'h5';
// Rules and label maps come from @baotou/shared's TypeScript (import its files, not its index, so zod
// stays out of the bundle); babel compiles them like our own sources.
const compile = { include: [path.resolve(__dirname, '../../shared/src')] };

// npm workspaces may leave @tarojs/plugin-framework-react under mini/node_modules (its optional vite
// peer clashes with admin's), where the hoisted @tarojs/taro-h5 cannot find it: resolve it from here.
const frameworkReact = path.dirname(require.resolve('@tarojs/plugin-framework-react/package.json', { paths: [path.resolve(__dirname, '..')] }));

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'baotou-smart-property-mini',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Separate roots so an H5 build never clobbers the weapp package (and vice versa).
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile,
      // Modules used only by one subpackage move into it, keeping the main package small.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      publicPath: '/h5/',
      staticDirectory: 'static',
      // Hash routing lets a link (or a test) open /h5/#/pages/scan/index?scene=<code> directly.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.alias.set('@tarojs/plugin-framework-react', frameworkReact);
        // The H5 build is a fallback and test target; its size budget is the weapp one (scripts/size.mjs).
        chain.performance.hints(false);
        // No inline script in the page (Content-Security-Policy, server/src/http/securityHeaders.ts).
        chain.plugin('remScriptFile').use(RemScriptFile);
      },
    },
  };
  return config;
});
