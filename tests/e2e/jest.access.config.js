// The access matrix walk (src/access, scripts/access-matrix.sh): services as processes, like test-int, but its own
// tier so neither `test` nor `test-int` runs it.
module.exports = { ...require('../../jest.preset.js')('int'), testRegex: '\\.access-spec\\.ts$' };
