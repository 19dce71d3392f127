/// The page's inline style sheet: the system font stack, Okabe–Ito colours for verdicts
/// (with a symbol beside each, so none depends on colour alone), and tables that print.
enum SimulationStyle {
  static let css = """
    :root { --ok: #009E73; --warn: #B35900; --bad: #C0392B; --ink: #1b1f24; --muted: #57606a;
      --line: #d0d7de; --zebra: #f6f8fa; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; color: var(--ink);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; }
    h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--line);
      padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 20px 0 2px; }
    header.verdict { margin: 0 -24px; padding: 20px 24px 14px; border-left: 8px solid; }
    header.verdict p { margin: 0; color: var(--muted); }
    header.ok { border-color: var(--ok); background: #e8f6f1; }
    header.warn { border-color: var(--warn); background: #fdf1e3; }
    header.bad { border-color: var(--bad); background: #fbe9e7; }
    .ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
    header.verdict h1 .symbol { font-size: 24px; }
    .badge { font-size: 13px; font-weight: 600; padding: 1px 8px; border-radius: 10px;
      border: 1px solid currentColor; white-space: nowrap; }
    .meta, footer, .none { color: var(--muted); font-size: 13px; font-weight: normal; }
    .cause { margin: 2px 0; font-weight: 600; }
    footer { margin-top: 40px; border-top: 1px solid var(--line); padding-top: 8px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th { text-align: left; font-weight: 600; border-bottom: 2px solid var(--line);
      padding: 4px 8px; }
    td { border-bottom: 1px solid var(--line); padding: 4px 8px; vertical-align: top;
      overflow-wrap: break-word; }
    tbody tr:nth-child(even) { background: var(--zebra); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td:first-child, td:first-child a, td.nowrap { white-space: nowrap; }
    td.over { color: var(--bad); font-weight: 700; }
    a { color: #0969da; }
    pre.commands { background: var(--zebra); border: 1px solid var(--line); padding: 10px 12px;
      font: 13px/1.6 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-x: auto; }
    svg.chart { width: 100%; height: auto; display: block; margin: 6px 0 4px; }
    svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      fill: var(--ink); }
    svg text.tick { fill: var(--muted); font-size: 11px; }
    svg .grid line { stroke: #e6e9ed; }
    svg .grid line.axis { stroke: #8c959f; }
    svg .pods { fill: #dfe3e8; }
    svg .stalled { fill: #D55E00; opacity: 0.08; }
    svg .marker line { stroke-width: 1.5; }
    svg .marker.done line { stroke: var(--ok); } svg .marker.done text { fill: var(--ok); }
    svg .marker.stall line { stroke: #D55E00; stroke-dasharray: 5 3; }
    svg .marker.stall text { fill: #B34700; font-weight: 600; }
    svg .marker.fault line { stroke: #57606a; stroke-dasharray: 1 3; }
    svg .marker.fault text { fill: var(--muted); }
    .ramp { font-size: 12px; color: var(--muted); display: flex; align-items: center; gap: 2px; }
    .ramp span { display: inline-block; width: 22px; height: 12px; }
    .ramp span.down { margin-left: 12px; background: repeating-linear-gradient(45deg, #D55E00 0 2px,
      #fff 2px 5px); }
    @media print { header.verdict { margin: 0; } }

    """
}
