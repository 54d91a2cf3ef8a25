// A stand-in for the Primus Tools jar, built by the Python tests with javac.
//
// It prints GetDeviceInfo, ListKeyFlags and AzureByokExport -help in the formats the real tool
// prints, and misbehaves on request so the extension's timeouts and error handling run for real.
// The mode comes from the host name (-host hang.test) or, for commands without a host, from the
// STANDIN_MODE environment variable:
//   ok       the documented output (default)
//   hang     sleeps for ten minutes without printing
//   crash    throws, so the JVM prints a stack trace and exits with code 1
//   refused  prints a java.net.ConnectException stack trace, as when the HSM is unreachable
//   garbage  prints bytes that are no known output and exits with code 0
//   flood    prints far more output than the extension reads
//   old      has no AzureByokExport command, as Primus Tools before JCE provider 2.3.7
//
// Like the real tool it takes the password only as given; this stand-in rejects anything but
// file:<path>, reads the file, and never prints it. When STANDIN_LOG is set, it appends its
// arguments to that file so tests can see what the extension passed.

import java.io.FileWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

public final class PrimusToolsStandIn {

    public static void main(String[] args) throws Exception {
        log(args);
        if (args.length == 0) {
            System.out.println("Usage: java -jar primus-tools.jar <command> [options]");
            System.exit(2);
        }
        String command = args[0];
        Map<String, String> options = parseOptions(args);
        String mode = modeOf(options);

        if (command.equals("AzureByokExport") && options.containsKey("-help")) {
            printByokExportHelp(mode);
            return;
        }
        if (!command.equals("GetDeviceInfo") && !command.equals("ListKeyFlags")) {
            System.err.println("Unknown command: " + command);
            System.exit(2);
        }

        checkPassword(options.get("-password"), "-password");
        if (options.containsKey("-primusproxyuser")) {
            checkPassword(options.get("-primusproxypassword"), "-primusproxypassword");
        }
        misbehave(mode, options.get("-host"));

        if (command.equals("GetDeviceInfo")) {
            System.out.println("Device name: PRIMUS-HSM");
            System.out.println("Device version info: RX-2.11.2-T ");
            System.out.println("Provider version: 2.27020220408 (2.2.7 of 2022-04-08)");
        } else {
            String keyName = options.getOrDefault("-keyname", "");
            if (keyName.isEmpty()) {
                System.err.println("Missing option -keyname");
                System.exit(2);
            }
            String flags = keyName.startsWith("nonextractable")
                    ? "sensitive nonextractable"
                    : "sensitive extractable";
            System.out.println(keyName + " " + flags + " modifiable copyable token "
                    + "nonindestructible private nonpublic nonneverextractable alwayssensitive "
                    + "local nonwrapwithtrusted nonunique decrypt sign unwrap notderive "
                    + "notintegrity notsignrecover");
        }
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("-help")) {
                options.put("-help", "");
            } else if (args[i].startsWith("-") && i + 1 < args.length) {
                options.put(args[i], args[i + 1]);
                i++;
            }
        }
        return options;
    }

    private static String modeOf(Map<String, String> options) {
        String host = options.getOrDefault("-host", "");
        for (String mode : new String[] {"hang", "crash", "refused", "garbage", "flood", "old"}) {
            if (host.startsWith(mode + ".")) {
                return mode;
            }
        }
        String fromEnvironment = System.getenv("STANDIN_MODE");
        return fromEnvironment == null ? "ok" : fromEnvironment;
    }

    private static void checkPassword(String value, String option) throws IOException {
        if (value == null || !value.startsWith("file:")) {
            System.err.println("Error: " + option + " must be given as file:<path> in this test");
            System.exit(3);
        }
        byte[] secret = Files.readAllBytes(Paths.get(value.substring("file:".length())));
        if (new String(secret, StandardCharsets.UTF_8).trim().isEmpty()) {
            System.err.println("Login failed: the password file is empty");
            System.exit(4);
        }
    }

    private static void misbehave(String mode, String host) throws Exception {
        switch (mode) {
            case "hang":
                Thread.sleep(600_000L);
                break;
            case "crash":
                throw new IllegalStateException("stand-in crash requested for host " + host);
            case "refused":
                new ConnectException("Connection refused: " + host + ":2300").printStackTrace();
                System.exit(1);
                break;
            case "garbage":
                System.out.println("\u0000\u0007%%%% 0xDEADBEEF ~~~~ \uFFFD\uFFFD not a device ~~~~");
                System.out.println("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<");
                System.exit(0);
                break;
            case "flood":
                String line = "x".repeat(1023);
                for (int i = 0; i < 4096; i++) {
                    System.out.println(line);
                }
                System.exit(0);
                break;
            default:
                break;
        }
    }

    private static void printByokExportHelp(String mode) throws Exception {
        if (mode.equals("old")) {
            System.err.println("Unknown command: AzureByokExport");
            System.exit(2);
        }
        if (mode.equals("hang") || mode.equals("crash") || mode.equals("garbage")) {
            misbehave(mode, "");
        }
        System.out.println("Usage: AzureByokExport -host <host> [-port <port>] -user <user> "
                + "-password <password|consoleinput:|file:<path>>");
        System.out.println("        -kekidentifier <kid> -kekfile <kek.publickey.pem> "
                + "-outfile <file.byok>");
        System.out.println("        (-rsakey <name> | -eckey <name> | -aeskey <name>)");
    }

    private static void log(String[] args) throws IOException {
        String path = System.getenv("STANDIN_LOG");
        if (path == null) {
            return;
        }
        try (FileWriter writer = new FileWriter(path, StandardCharsets.UTF_8, true)) {
            writer.write(String.join("\u001f", args) + "\n");
        }
    }
}
