// Run the host's example the way a host runs it: java --module-path <its classes and dependencies> -m ...
def sep = File.pathSeparator
def modulePath = new File(basedir, 'target/classes').path + sep + new File(basedir, 'target/module-path.txt').text.trim()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def p = new ProcessBuilder(java, '--module-path', modulePath, '--module', 'example.embed/example.embed.Main')
    .redirectErrorStream(true).start()
def out = p.inputStream.text
p.waitFor()
new File(basedir, 'run.log').text = out
println out
assert p.exitValue() == 0 : "the example failed on the module path:\n${out}"
assert out.contains('EMBED OK') : 'the example ran to its end'
assert out.contains('refused: ') : 'reflection into dev.funnel.core.columnar was refused'

// the funnel jars on that path are the freshly installed ones, not ~/.m2's
def funnelJars = modulePath.split(sep).findAll { it.contains("${File.separator}dev${File.separator}funnel${File.separator}") }
assert funnelJars.size() == 4 : "funnel-core, -attribution, -cohort, -io: ${funnelJars}"
funnelJars.each { assert new File(it).canonicalPath.startsWith(new File(itRepo).canonicalPath) : "installed jar used: ${it}" }

// and they were installed with their -sources and -javadoc jars, beside the BOM
['funnel-core', 'funnel-attribution', 'funnel-cohort', 'funnel-io'].each { a ->
  ['sources', 'javadoc'].each { c ->
    def f = new File(itRepo, "dev/funnel/${a}/${funnelVersion}/${a}-${funnelVersion}-${c}.jar")
    assert f.isFile() : "installed: ${f}"
  }
}
assert new File(itRepo, "dev/funnel/funnel-bom/${funnelVersion}/funnel-bom-${funnelVersion}.pom").isFile()
// README's module tour quotes the exported public types this run counted
def tour = new File(readme).text
(out =~ /exported public types of dev\.funnel\.(\w+): (\d+)/).each { all, m, n ->
  assert tour.contains("`funnel-${m}` (${n})") : "README's module tour gives funnel-${m} ${n} exported public types"
}
// README's embedding example is this project's Plugin.java, word for word, and it runs with its figures
def plugin = new File(basedir, 'src/main/java/example/embed/Plugin.java').text.replace('\r\n', '\n')
assert new File(readme).text.replace('\r\n', '\n').contains('```java\n' + plugin + '```') : 'README shows Plugin.java as it is'
def q = new ProcessBuilder(java, '--module-path', modulePath, '--module', 'example.embed/example.embed.Plugin')
    .redirectErrorStream(true).start()
def plugged = q.inputStream.text
q.waitFor()
new File(basedir, 'plugin.log').text = plugged
assert q.exitValue() == 0 : "the README example failed on the module path:\n${plugged}"
// three deals, two won: 3 leads and 2 WON; both conversions credited to seo; one March cohort of
// two customers; seo's CAC = 300.00 spend / 2 customers
['3 LEAD -> 2 WON', 'linear: 2 conversions', '1 cohorts, 2 customers', '150.00'].each {
  assert plugged.contains(it) : "the README example prints ${it}:\n${plugged}"
}
return true
