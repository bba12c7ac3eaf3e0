module.exports = require('../../jest.preset.js')('int');
