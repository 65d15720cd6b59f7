// Settings → Knowledge base: the help-centre articles the AI agent answers from, and a box to ask as a shopper would
// and see which articles it would use.
import { useEffect, useState } from "preact/hooks";
// The kinds of src/schemas/agent.ts knowledgeKinds (imported from there, the schema would bring zod into the bundle).
const knowledgeKinds = ["faq", "policy", "shipping", "returns", "order_editing", "subscription", "loyalty", "coupon", "product"] as const;
const kindLabel = (kind: string) => (kind in KIND_LABEL ? t(KIND_LABEL[kind as (typeof knowledgeKinds)[number]]) : kind.replace(/_/g, " "));
import { articles, articlesFor, deleteArticle, loadArticles, saveArticle, type Article } from "../../admin.ts";
import type { FormResult } from "../../pages.ts";
import { me } from "../../store.ts";
import { FieldError, FormStatus, Panel, invalid } from "../form.tsx";
import { t, type MessageKey } from "../../i18n.ts";

const KIND_LABEL = {
  faq: "settings.knowledge.kinds.faq",
  policy: "settings.knowledge.kinds.policy",
  shipping: "settings.knowledge.kinds.shipping",
  returns: "settings.knowledge.kinds.returns",
  order_editing: "settings.knowledge.kinds.order_editing",
  subscription: "settings.knowledge.kinds.subscription",
  loyalty: "settings.knowledge.kinds.loyalty",
  coupon: "settings.knowledge.kinds.coupon",
  product: "settings.knowledge.kinds.product",
} as const satisfies Record<(typeof knowledgeKinds)[number], MessageKey>;

const canEdit = () => me.value?.role !== "support";

function ArticleForm({ article, onDone }: { article: Article | null; onDone: () => void }) {
  const [title, setTitle] = useState(article?.title ?? "");
  const [body, setBody] = useState(article?.body ?? "");
  const [kind, setKind] = useState(article?.kind ?? "faq");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const id = article ? `art-${article.id}` : "art-new";
  return (
    <form
      class="stack"
      aria-label={article ? t("settings.knowledge.editArticleTitle", { title: article.title }) : t("settings.knowledge.newArticle")}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await saveArticle(article?.id ?? null, { title: title.trim(), body: body.trim(), kind });
        setBusy(false);
        setResult(r);
        if (r.ok) onDone();
      }}
    >
      <label class="field">
        <span>{t("settings.knowledge.title")}</span>
        <input type="text" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} {...invalid(result, "title", `${id}-t-err`)} />
      </label>
      <FieldError result={result} path="title" id={`${id}-t-err`} />
      <label class="field">
        <span>{t("settings.knowledge.kind")}</span>
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {knowledgeKinds.map((k) => (
            <option value={k} key={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t("settings.knowledge.article")}</span>
        <textarea rows={6} value={body} onInput={(e) => setBody(e.currentTarget.value)} {...invalid(result, "body", `${id}-b-err`)} />
      </label>
      <FieldError result={result} path="body" id={`${id}-b-err`} />
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy || !title.trim() || !body.trim()}>
          {article ? t("settings.knowledge.saveArticle") : t("settings.knowledge.addArticle")}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("settings.knowledge.cancel")}
        </button>
        <FormStatus result={result} fields={["title", "body", "kind"]} />
      </div>
    </form>
  );
}

function TryQuestion() {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Article[] | null>(null);
  return (
    <form
      class="try-question"
      onSubmit={async (e) => {
        e.preventDefault();
        if (q.trim()) setHits(await articlesFor(q.trim()).catch(() => []));
      }}
    >
      <label class="field">
        <span>{t("settings.knowledge.askAsShopperWould")}</span>
        <input type="search" value={q} placeholder={t("settings.knowledge.canIReturnSale")} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      {hits && (
        <ol class="small">
          {hits.length === 0 && <li class="muted">{t("settings.knowledge.noArticleMatchesAi")}</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <strong>{h.title}</strong> — <span class="muted">{(h.snippet ?? h.body).replace(/\*\*/g, "").slice(0, 160)}</span>
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}

export function KnowledgePanel() {
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => void loadArticles(), []);
  const a = articles.value;
  return (
    <Panel title={t("settings.knowledge.knowledgeBase")} id="set-knowledge" sub={t("settings.knowledge.aiAgentAnswersQuestions")}>
      <TryQuestion />
      {a.error && <div class="banner error">{a.error}</div>}
      <ul class="admin-list">
        {a.items.map((art) => (
          <li key={art.id}>
            {editing === art.id ? (
              <ArticleForm article={art} onDone={() => setEditing(null)} />
            ) : (
              <div class="admin-row">
                <div class="grow">
                  <div class="admin-name">
                    {art.title} <span class="tag">{kindLabel(art.kind)}</span>
                  </div>
                  <div class="small muted clip">{art.body}</div>
                </div>
                {canEdit() && (
                  <>
                    <button class="btn small" type="button" onClick={() => setEditing(art.id)}>
                      {t("settings.knowledge.edit")}
                    </button>
                    <button class="btn small ghost" type="button" aria-label={t("settings.knowledge.deleteArticleTitle", { title: art.title })} onClick={() => confirm(t("settings.knowledge.deleteTitle", { title: art.title })) && void deleteArticle(art)}>
                      {t("settings.knowledge.delete")}
                    </button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
        {!a.loading && a.items.length === 0 && <li class="muted small">{t("settings.knowledge.noArticlesYet")}</li>}
      </ul>
      {canEdit() &&
        (editing === "new" ? (
          <ArticleForm article={null} onDone={() => setEditing(null)} />
        ) : (
          <button class="btn" type="button" onClick={() => setEditing("new")}>
            {t("settings.knowledge.newArticle")}
          </button>
        ))}
    </Panel>
  );
}
