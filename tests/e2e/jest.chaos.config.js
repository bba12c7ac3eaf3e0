// The crash and fault suite (src/chaos, scripts/chaos.sh): services as processes, like fuzz, but its own tier so
// neither `test` nor `test-int` runs it; only scripts/chaos.sh gives it the broker and cluster it may crash.
module.exports = { ...require('../../jest.preset.js')('int'), testRegex: '\\.chaos-spec\\.ts$' };
