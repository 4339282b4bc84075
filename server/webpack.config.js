const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const nodeExternals = require('webpack-node-externals');
const { join } = require('path');

// npm workspaces link libs/* into node_modules/@liuzhuan/*; they hold TypeScript sources,
// so they must be bundled, while every real package stays external.
module.exports = {
  output: {
    path: join(__dirname, '../dist/server'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  externals: [nodeExternals({ modulesDir: join(__dirname, '../node_modules'), allowlist: [/^@liuzhuan\//] })],
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'worker', entryPath: './src/worker.ts' },
        { entryName: 'cli', entryPath: './src/cli.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      // the shipped workflows are deployed from dist/server/workflows in demo mode
      assets: ['./src/assets', { input: '../workflows', glob: '**/*.{bpmn,form,md}', output: 'workflows' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      externalDependencies: 'none',
      mergeExternals: true,
      sourceMap: true,
    }),
  ],
};
