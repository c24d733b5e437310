package com.example.mkt.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.example.mkt.infra.Processes;

/**
 * Headless Debian chromium driven through its chromedriver, as a manager's browser: a fresh profile each time, no
 * calls home (the flags keep chromium from reaching for Google's hosts, which this network refuses), the browser's
 * console kept so that a Content-Security-Policy violation or a script error fails the test.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    Browser() {
        ensureInstalled();
        try {
            profile = Files.createTempDirectory("e2e-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /** A wait that polls every 50 ms and looks again at an element the page has just replaced (live updates do). */
    /**
     * README's promise is a JDK and nothing else: on a Debian machine where this runs as root (CI, a fresh box), the
     * browser comes from Debian's packages as PostgreSQL's and Kafka's come from Maven Central; anywhere else the test
     * says what to install.
     */
    static synchronized void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        if (!Processes.isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException("WebConsoleIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (or -De2e.chromium=... -De2e.chromedriver=...)");
        }
        System.out.println("WebConsoleIT: installing Debian's chromium and chromium-driver");
        String out = Processes.run(List.of("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive"
                + " apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei"), Duration.ofMinutes(10));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("apt-get did not install chromium: " + out);
        }
    }

    WebDriverWait waiting(Duration patience) {
        WebDriverWait wait = new WebDriverWait(driver, patience, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    WebElement find(String css) {
        return waiting(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Everything the page logged since the last call: errors, CSP violations. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        LocalPlatform.deleteRecursively(profile);
    }
}
