// Starts Tomcat (the catalina classes of Debian's libtomcat10-java) on 127.0.0.1 and an ephemeral port with
// one web application read from its WEB-INF/web.xml, prints "listening <port>" and serves until killed.
// Usage: java -cp <tomcat jars>:<classes> TargetLauncher <base dir> <webapp dir>
import java.io.File;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

public final class TargetLauncher {
    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(args[0]);
        Context context = tomcat.addWebapp("", new File(args[1]).getAbsolutePath());
        // The application is one servlet and its filters: no jar on the class path needs scanning.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        scanner.setScanManifest(false);
        context.setJarScanner(scanner);
        tomcat.start();
        System.out.println("listening " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }
}
