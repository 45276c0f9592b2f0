'use strict';
/* global module */
// restify 11 requires spdy at load time and calls createServer only for its `spdy` option,
// which Honbu never sets (TLS and HTTP/2 end at the platform's front end). Failing loudly
// here keeps that assumption visible should anyone set the option.
module.exports = {
  createServer() {
    throw new Error('SPDY is not supported: do not pass the spdy option to restify.createServer');
  },
};
