import { describe, expect, it } from "vitest";
import { browserName, dateRangeText, formatBytes, formatLabel } from "@/components/export-options";

describe("the words of the download history", () => {
  it("names the browsers that downloaded", () => {
    expect(
      browserName(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
      ),
    ).toBe("Headless Chrome 140 on Linux");
    expect(
      browserName(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.0.0",
      ),
    ).toBe("Edge 139 on Windows");
    expect(
      browserName(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari 17 on iOS");
    expect(browserName("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe(
      "Firefox 128 on macOS",
    );
    expect(browserName(null)).toBe("an unknown browser");
    expect(browserName("some-bot/1.0")).toBe("some-bot/1.0");
  });

  it("puts sizes, formats and date ranges into words", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(227_512)).toBe("227.5 kB");
    expect(formatBytes(12_400_000)).toBe("12.4 MB");
    expect(formatLabel("CSV")).toBe("CSV (ZIP)");
    expect(dateRangeText(null, null)).toBe("all dates");
    expect(dateRangeText("2025-01-01", "2025-12-31")).toBe("from 1 Jan 2025 to 31 Dec 2025");
    expect(dateRangeText(null, "2025-03-09")).toBe("up to 9 Mar 2025");
  });
});
