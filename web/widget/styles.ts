// The widget's stylesheet, scoped to its shadow root; `:host` resets everything the host page could leak in.
export const css = `
:host{all:initial!important;display:block!important;position:static!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;pointer-events:auto!important}
*,*::before,*::after{box-sizing:border-box}
.root{--accent:#1f4f46;--accent-ink:#fff;--ink:#14171f;--muted:#5d6473;--line:#e3e6eb;--bg:#f6f7f9;--danger:#b42318;--focus:#2563eb;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);letter-spacing:normal;text-align:start;direction:ltr;-webkit-font-smoothing:antialiased}
.root[dir=rtl]{direction:rtl}
button,input,textarea{font:inherit;color:inherit;letter-spacing:inherit;margin:0}
button{cursor:pointer}
:focus{outline:none}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:58px;height:58px;border-radius:50%;border:0;background:var(--accent);color:var(--accent-ink);box-shadow:0 6px 24px rgba(15,23,42,.28),0 1px 3px rgba(15,23,42,.2);display:grid;place-items:center;padding:0;transition:transform .15s ease}
.launcher:hover{transform:scale(1.05)}
.launcher svg{width:26px;height:26px;display:block}
.badge{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#e11d48;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;box-shadow:0 0 0 2px #fff}
.badge[hidden]{display:none}
.panel{position:fixed;right:20px;bottom:92px;z-index:2147483000;width:380px;height:min(620px,calc(100vh - 120px));background:#fff;border-radius:16px;box-shadow:0 12px 48px rgba(15,23,42,.28),0 2px 8px rgba(15,23,42,.12);display:flex;flex-direction:column;overflow:hidden;animation:rise .18s ease-out}
.panel[hidden]{display:none}
@keyframes rise{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
.root.left .launcher,.root.left .panel{right:auto;left:20px}
@media (max-width:480px){.root.left .panel{left:0}.panel{right:0;bottom:0;width:100vw;height:100%;border-radius:0}.root.open .launcher{display:none}}
header{background:var(--accent);color:var(--accent-ink);padding:16px 16px 14px 18px;display:flex;align-items:flex-start;gap:12px}
.heading{flex:1;min-width:0}
.title{font-size:16px;font-weight:650;line-height:1.3;margin:0}
.subtitle{font-size:12.5px;opacity:.85;margin-top:2px;display:flex;align-items:center;gap:6px}
.dot{width:8px;height:8px;border-radius:50%;background:#4ade80;display:inline-block}
.dot.off{background:#fbbf24}
.close{flex:none;width:32px;height:32px;border-radius:8px;border:0;background:transparent;color:inherit;display:grid;place-items:center;padding:0}
.close:hover{background:rgba(255,255,255,.16)}
.close svg{width:18px;height:18px}
.banner{background:#fff7e6;color:#7a4b00;font-size:12.5px;padding:6px 16px;border-bottom:1px solid #f3dfb5}
.banner[hidden]{display:none}
.link-notice{background:#eef4fb;color:#1f3b57;font-size:12.5px;padding:8px 16px;border-bottom:1px solid #cfdcea}
.link-notice[hidden]{display:none}
.log{flex:1;overflow-y:auto;margin:0;padding:16px 14px 8px;list-style:none;background:var(--bg);display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.row{display:flex;flex-direction:column;align-items:flex-start;max-width:100%}
.row.customer{align-items:flex-end}
.who{font-size:11.5px;color:var(--muted);margin:0 0 3px 4px;font-weight:600}
.bubble{max-width:85%;padding:9px 13px;border-radius:16px 16px 16px 4px;background:#fff;border:1px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.row.customer .bubble{background:var(--accent);color:var(--accent-ink);border-color:transparent;border-radius:16px 16px 4px 16px}
.row.customer .bubble a{color:inherit}
.bubble a{color:var(--accent);text-decoration:underline}
.meta{font-size:11px;color:var(--muted);margin:3px 6px 0}
.row.pending .bubble{opacity:.72}
.row.stalled .bubble{opacity:1;background:#fff;color:var(--ink);border:1px dashed var(--danger)}
.retry{border:0;background:none;color:var(--danger);text-decoration:underline;font-size:11px;padding:0}
.notice{align-self:center;font-size:12px;color:var(--muted);background:#eceef2;border-radius:999px;padding:4px 12px;text-align:center;max-width:90%}
.row.system .bubble{background:#eef2f7;border-color:#dde3ec;color:#334155;font-size:13px}
.typing{display:flex;align-items:center;gap:8px;font-size:12px;color:var(--muted);padding:4px 18px 6px;background:var(--bg);min-height:26px}
.typing[hidden]{display:none}
.dots{display:inline-flex;gap:3px}
.dots i{width:6px;height:6px;border-radius:50%;background:#9aa1ad;display:block;animation:blink 1.2s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes blink{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-2px)}}
.composer{display:flex;align-items:flex-end;gap:8px;padding:10px 10px 10px 14px;border-top:1px solid var(--line);background:#fff}
.composer[hidden]{display:none}
textarea{flex:1;resize:none;border:1px solid var(--line);border-radius:12px;padding:9px 12px;max-height:120px;min-height:40px;line-height:1.4;background:#fff;color:var(--ink);overflow-y:auto}
textarea:focus-visible{outline:2px solid var(--focus);outline-offset:0;border-color:transparent}
textarea::placeholder{color:#8a909c}
.attach{flex:none;width:36px;height:40px;border:0;background:none;color:var(--muted,#667);display:grid;place-items:center;padding:0;cursor:pointer}
.attach svg{width:20px;height:20px}
.files{padding:8px 12px 0;border-top:1px solid var(--line);background:#fff}
.files[hidden]{display:none}
.tray{list-style:none;margin:0;padding:0;display:flex;gap:8px;flex-wrap:wrap}
.chip{display:flex;align-items:center;gap:6px;max-width:180px;padding:4px 6px;border:1px solid var(--line);border-radius:8px;font-size:12px}
.chip.busy{opacity:.6}
.chip img{width:36px;height:36px;object-fit:cover;border-radius:4px}
.chip .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.chip .remove{border:0;background:none;font-size:16px;cursor:pointer;padding:0 2px}
.doc{display:inline-grid;place-items:center;min-width:32px;height:32px;border-radius:4px;background:#eef;font-size:10px;font-weight:700}
.file-error{color:#b00020;font-size:12px;padding:4px 0}
.file-error[hidden]{display:none}
.panel.dropping{outline:2px dashed var(--accent);outline-offset:-6px}
.attachments{display:flex;flex-direction:column;gap:6px;margin-top:4px;max-width:80%}
.row.customer .attachments{align-self:flex-end;align-items:flex-end}
.attachments .image img{display:block;max-width:220px;max-height:220px;border-radius:10px}
.attachments .file{display:flex;align-items:center;gap:8px;padding:6px 10px;border:1px solid var(--line);border-radius:10px;color:inherit;text-decoration:none;font-size:13px;background:#fff}
.attachments .size{color:#778;font-size:11px}
.send{flex:none;width:40px;height:40px;border-radius:50%;border:0;background:var(--accent);color:var(--accent-ink);display:grid;place-items:center;padding:0}
.send:disabled{opacity:.45;cursor:default}
.send svg{width:18px;height:18px}
.ended{padding:14px 16px;border-top:1px solid var(--line);background:#fff;text-align:center;font-size:13px;color:var(--muted)}
.ended[hidden]{display:none}
.primary,.secondary{display:inline-flex;align-items:center;justify-content:center;gap:6px;border-radius:10px;padding:8px 14px;font-weight:600;font-size:13px;text-decoration:none;line-height:1.3}
.primary{background:var(--accent);color:var(--accent-ink);border:1px solid var(--accent)}
.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
.primary:disabled,.secondary:disabled{opacity:.55;cursor:default}
.ended .primary{margin-top:8px}
.card{width:min(290px,85%);background:#fff;border:1px solid var(--line);border-radius:14px;overflow:hidden;margin-top:6px;box-shadow:0 1px 2px rgba(15,23,42,.05)}
.scroller{align-self:stretch;display:flex;gap:8px;overflow-x:auto;scroll-snap-type:x mandatory;scrollbar-width:thin;padding:0 2px 6px;margin-top:6px}
.scroller .card{flex:0 0 220px;margin-top:0;scroll-snap-align:start;display:flex;flex-direction:column}
.scroller .card-body{flex:1;display:flex;flex-direction:column}
.scroller .card-body>.actions{margin-top:auto;padding-top:10px}
.card img{display:block;width:100%;aspect-ratio:4/3;object-fit:cover;background:#eef0f3}
.card-body{padding:11px 13px 12px}
.card-kind{font-size:10.5px;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);font-weight:700}
.card-title{font-size:14.5px;font-weight:650;margin:2px 0 6px;line-height:1.3}
.csat-scores{display:flex;gap:6px;margin:4px 0 8px}
.csat-score{flex:1;min-height:36px;border:1px solid var(--line);border-radius:8px;background:#fff;font:inherit;font-weight:650;cursor:pointer}
.csat-score:hover,.csat-score:focus-visible{border-color:var(--accent);color:var(--accent)}
.csat-comment{width:100%;box-sizing:border-box;min-height:52px;border:1px solid var(--line);border-radius:8px;padding:6px 8px;font:inherit;resize:vertical}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:3px 12px;margin:0;font-size:12.5px}
.card dt{color:var(--muted)}
.card dd{margin:0;text-align:end;font-weight:550;overflow-wrap:anywhere}
.price-line{display:flex;align-items:center;gap:8px;margin:-2px 0 6px}
.price{font-size:15px;font-weight:700}
.stock,.tag{font-size:10.5px;font-weight:700;border-radius:999px;padding:2px 8px}
.stock{background:#fdecea;color:var(--danger)}
.tag{margin-inline-start:6px;background:#e7f3ef;color:var(--accent);letter-spacing:normal;text-transform:none}
.card ul{margin:6px 0 0;padding-inline-start:18px;font-size:12.5px}
.code{display:flex;align-items:center;justify-content:space-between;gap:8px;border:1px dashed var(--accent);border-radius:10px;padding:7px 10px;margin:4px 0 8px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:700;font-size:14px;letter-spacing:.04em}
.code button{font-family:system-ui,sans-serif;letter-spacing:normal;font-size:12px;border:0;background:none;color:var(--accent);text-decoration:underline;padding:0}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:10px}
.email{display:flex;flex-direction:column;gap:6px;margin-top:8px}
.email label{font-size:12.5px;color:var(--muted)}
.email input{border:1px solid var(--line);border-radius:10px;padding:8px 10px;background:#fff;color:var(--ink)}
.email input:focus-visible{outline:2px solid var(--focus);outline-offset:0}
.hint{font-size:12px;color:var(--muted);margin-top:6px}
.hint.err{color:var(--danger)}
.hint.ok{color:var(--accent);font-weight:600;font-size:12.5px}
.powered{font-size:10.5px;color:#9aa1ad;text-align:center;padding:0 0 6px;background:#fff}
@media (prefers-reduced-motion:reduce){.panel,.dots i,.launcher{animation:none;transition:none}}
`;
