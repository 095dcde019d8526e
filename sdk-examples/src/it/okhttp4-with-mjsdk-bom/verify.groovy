// The consumer's test ran and passed on OkHttp 5 (ConsumerTest asserts OkHttp.VERSION).
String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'see ' + basedir + '/build.log'
