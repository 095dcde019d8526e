// The failure must be the clash itself, not anything else that can go wrong in a build.
String log = new File(basedir, 'build.log').text
assert log.contains('NoSuchMethodError') || log.contains('NoClassDefFoundError') :
        'expected the OkHttp 4 / OkHttp 5 clash (NoSuchMethodError), see ' + basedir + '/build.log'
