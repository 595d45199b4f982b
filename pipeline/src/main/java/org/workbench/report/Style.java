package org.workbench.report;

/**
 * The report's inline style sheet: large type for a projector, no colours that matter in print. The page
 * fits 1280 pixels: a table wider than its box scrolls inside it ({@code table{display:block;overflow-x:auto}}),
 * charts shrink to the box.
 */
final class Style {
    private Style() {
    }

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:18px;
            line-height:1.45;color:#111;background:#fff;margin:0 auto;max-width:1100px;padding:0 24px 48px}
            header{border-bottom:3px solid #0072B2;margin-bottom:16px}h1{overflow-wrap:break-word}
            section.headline{border:3px solid #0072B2;border-radius:6px;background:#f3f7fb;padding:2px 18px 6px;margin:16px 0 12px}
            section.headline h2{margin:10px 0 4px;border-bottom:none}
            p.answer{font-size:22px;margin:4px 0 10px}b.score{font-size:28px;color:#0072B2}
            .verdict-overfitting,.verdict-underfitting,.verdict-overfitting-and-underfitting,b.warn{color:#8a3b00}
            .verdict-fine{color:#00704f}
            h1{font-size:32px;margin:24px 0 4px}h2{font-size:26px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:40px}
            h3{font-size:20px;margin:20px 0 8px}
            nav ol{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding-left:0;margin:8px 0 12px}
            nav a{color:#0072B2;text-decoration:none}
            p.summary{font-size:19px;background:#f3f7fb;border-left:4px solid #0072B2;padding:8px 12px}
            p.diagnosis{font-size:19px;background:#fff7e6;border-left:4px solid #E69F00;padding:8px 12px}
            p.verdict{font-size:19px;background:#eef8f3;border-left:4px solid #009E73;padding:8px 12px}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:16px;display:block;max-width:100%;overflow-x:auto}
            th,td{border:1px solid #ccc;padding:4px 10px;text-align:left;vertical-align:top;overflow-wrap:break-word}
            th{background:#f0f0f0}td{font-variant-numeric:tabular-nums}
            table.kv td:first-child{white-space:nowrap}
            .wide{overflow-x:auto}.wide table{font-size:14px}
            tr.best td{font-weight:bold;background:#eef8f3}
            pre{background:#f7f7f7;border:1px solid #ddd;padding:10px;overflow-x:auto;font-size:14px;white-space:pre-wrap}
            figure{margin:16px 0;page-break-inside:avoid;break-inside:avoid;min-width:0;max-width:100%}
            .pair{display:flex;flex-wrap:wrap;gap:0 24px;align-items:flex-start}.pair figure{flex:1 1 380px}
            figcaption{font-size:15px;color:#444;margin-top:4px}
            svg.chart{max-width:100%;height:auto;display:block}
            ul.warnings li{color:#8a3b00}
            p.chart-missing{border:1px dashed #bbb;padding:10px;color:#8a3b00}
            details summary{cursor:pointer;color:#0072B2}
            @media print{body{font-size:12pt;max-width:none}nav{display:none}h2{page-break-after:avoid}
            section{page-break-inside:auto}details{display:block}}
            """;
}
