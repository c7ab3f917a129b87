// Warm-up at load. V8 compiles each WebAssembly function on its first call, on the calling thread, so
// without this the caller's first parse would also pay for compiling the parser (about 10 ms). Right
// after instantiation, each entry parses two small pages of our own (one as text, one as HTML bytes in
// UTF-8, with options), which compiles what parsing calls: the cost moves from the first parse into
// the load (the import, or init()/initSync()). scripts/build-wasm appends this part to each glue and
// calls warmUp() where instantiation ends.
function warmUp() {
  const text = [
    '首页 > 本地 > 民生',
    '',
    '河西区老旧小区加装电梯完成过半',
    '2024年06月12日 09:30    来源:河西晚报    作者:赵青',
    '',
    '本报讯 记者从河西区住建局获悉,今年计划加装的120部电梯已完工68部,其余将在十月底前完成。',
    '',
    '据介绍,加装电梯须经本单元三分之二以上业主同意,区财政按每部15万元给予补贴。',
    '',
    '相关阅读',
    '河西区启动背街小巷整治',
    '责任编辑:钱敏',
  ].join('\n');
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>东关街道开展夏季消防演练_河西新闻网</title>' +
    '<meta name="description" content="东关街道开展夏季消防演练"><style>.nav{color:#333}</style>' +
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"东关街道开展夏季消防演练",' +
    '"datePublished":"2024-06-11T08:00:00+08:00","author":{"name":"孙立"}}</script></head><body>' +
    '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li></ul></div>' +
    '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻</a></div>' +
    '<div class="article"><h1>东关街道开展夏季消防演练</h1>' +
    '<div class="info"><span id="time">2024-06-11 08:00</span>&nbsp;<span>来源：河西新闻网</span> <span>记者 孙立</span></div>' +
    '<div class="content"><p>6月10日，东关街道联合辖区消防站开展夏季消防演练，200余名居民参加。</p>' +
    '<p><img src="a.jpg" alt="演练现场"></p><p>演练结束后，消防员向居民讲解了灭火器的使用方法。</p>' +
    '<p>（责任编辑：周敏）</p></div><!-- 正文结束 -->' +
    '<div class="related"><h3>相关新闻</h3><ul><li><a href="/a/1">河西区开展防汛检查</a></li><li><a href="/a/2">东关街道新增三处口袋公园</a></li></ul></div></div>' +
    '<script>var pubtime = "2024-06-11 08:00";</script>' +
    '<div class="footer"><p>版权所有 &copy; 河西新闻网</p></div></body></html>';
  parse(text);
  parse(new TextEncoder().encode(html), { format: 'html' });
}
