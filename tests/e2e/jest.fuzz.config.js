// The fuzz suite (src/fuzz, scripts/fuzz.sh): services as processes, like test-int, but its own tier so neither
// `test` nor `test-int` runs it.
module.exports = { ...require('../../jest.preset.js')('int'), testRegex: '\\.fuzz-spec\\.ts$' };
