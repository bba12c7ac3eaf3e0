// .cjs: this package is an ES module package (type: module) for Node's TypeScript stripping.
module.exports = require('../../jest.preset.js')('unit');
