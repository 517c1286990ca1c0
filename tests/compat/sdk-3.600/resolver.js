// The Jest resolver of the sdk-3.600 project: the SDK imports of tests and of ts-tripwire come from here.
module.exports = require('../resolver').compatResolver(__dirname);
