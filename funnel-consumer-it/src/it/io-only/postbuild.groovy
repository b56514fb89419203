// funnel-io and what it brings: funnel-core, Commons Numbers and Commons Statistics (core's, with
// the Commons RNG that Commons Statistics requires), Jackson; nothing else
def lines = new File(basedir, 'target/dependencies.txt').readLines()*.trim().findAll { it =~ /^[a-z].*:.*:.*:/ }
def ids = lines.collect { it.split(':')[0] + ':' + it.split(':')[1] }.sort()
println "funnel-io brings: ${ids}"
def allowed = { id -> id in ['dev.funnel:funnel-io', 'dev.funnel:funnel-core'] || id.startsWith('com.fasterxml.jackson.') || id.startsWith('org.apache.commons:commons-numbers-') || id == 'org.apache.commons:commons-statistics-distribution' || id.startsWith('org.apache.commons:commons-rng-') }
assert ids.contains('dev.funnel:funnel-core')
assert ids.any { it.startsWith('com.fasterxml.jackson.') }
def extra = ids.findAll { !allowed(it) }
assert extra.isEmpty() : "funnel-io brings more than funnel-core, Commons Numbers/Statistics and Jackson: ${extra}"
// the funnel jars come from the repository the build installed, not from ~/.m2
lines.findAll { it.startsWith('dev.funnel:') }.each { l ->
  assert l.contains(new File(itRepo).canonicalPath) || l.contains(new File(itRepo).path) : "installed artifact used: ${l}"
}
return true
