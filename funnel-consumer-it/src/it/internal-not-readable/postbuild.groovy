def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR') : 'the build failed in javac'
assert log =~ /package dev\.funnel\.core\.columnar is not visible/ : 'because the package is not visible'
assert log =~ /package dev\.funnel\.core\.internal is not visible/ : 'nor the internal package'
assert log.contains('does not export it') || log.contains('not exported') : 'because funnel-core does not export it'
return true
