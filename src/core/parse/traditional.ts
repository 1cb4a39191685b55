// Traditional script (a relative abroad, a Hong Kong or Taiwan phone) read as simplified, one character for one:
// 幫我媽訂兩桶水 送到大灣 is 帮我妈订两桶水 送到大湾. Only characters that are never simplified forms themselves are
// listed (著 and 甚 stand in simplified text too), so a simplified message is never changed.

const TRADITIONAL =
  '並乾來個們倫備傳傷價億兒兩凍創劉劑務區參叢吳員問喬單嗎嘔噴嚨嚴囉國園團報場塊塗壓壩壺夠妳婦媽孫實寫對導層屬崗嶺師帳帶幫幹' +
  '幾廁廚廟廢廣廳張後從悶態慣慮憂憶應戲戶捲換撲擔擾數於時暈曬書會東條棄楊極樂樓標樣橋機檢歡歲歸殼氣沒況涼淨減測湯準溝溫滿潔' +
  '濕瀉灣為無煉煙煩熱燈燒燙爺狀現畢癥發盞盡盤盧確祇祢種穀窪筆筍簽籃籤糧約紅紐紗紙組絡給統絲綑綠綫網緊線練縣總繃繩繫纔羅義習' +
  '聞聯聶聽腦腳腸膚膠臉臺與興莊華菸萬葉蓋蔔蔣蔥蕭薑藍藥蘆蘇蘋蘭蘿處號蝦衛衹裏裡褲襪見視親覺觀訂計訊記許話該誌認誤說誰請謂謝' +
  '證譚護讀變讓豐豬貨貳貴買費貼賀賣賤賬賴購趕趙車輕輸轉農這週遊運過達還邊鄉鄒鄧鄭鄰醫醬針鋪錢錯錶鍊鍛鍾鎖鎮鏈鏡鐘鑰長門開閒' +
  '間閻闆關陰陳陸陽隊際隨隻雙雜雞離難雲電霧靜韋韓預頓領頭頻顆題顏願顧風飯飲飼餅養館餵馬馮駱驗體鬆鬧魚魯鴨鹽麪麵麼黃點齊齒齡' +
  '龍龐龔' +
  '壞輛鍋爐鐵廠辦遞郵碼癢腫療麥輪幣襯雖檯櫃剛適類試將當順講識葯愛';
const SIMPLIFIED =
  '并干来个们伦备传伤价亿儿两冻创刘剂务区参丛吴员问乔单吗呕喷咙严啰国园团报场块涂压坝壶够你妇妈孙实写对导层属岗岭师账带帮干' +
  '几厕厨庙废广厅张后从闷态惯虑忧忆应戏户卷换扑担扰数于时晕晒书会东条弃杨极乐楼标样桥机检欢岁归壳气没况凉净减测汤准沟温满洁' +
  '湿泻湾为无炼烟烦热灯烧烫爷状现毕症发盏尽盘卢确只你种谷洼笔笋签篮签粮约红纽纱纸组络给统丝捆绿线网紧线练县总绷绳系才罗义习' +
  '闻联聂听脑脚肠肤胶脸台与兴庄华烟万叶盖卜蒋葱萧姜蓝药芦苏苹兰萝处号虾卫只里里裤袜见视亲觉观订计讯记许话该志认误说谁请谓谢' +
  '证谭护读变让丰猪货贰贵买费贴贺卖贱账赖购赶赵车轻输转农这周游运过达还边乡邹邓郑邻医酱针铺钱错表炼锻钟锁镇链镜钟钥长门开闲' +
  '间阎板关阴陈陆阳队际随只双杂鸡离难云电雾静韦韩预顿领头频颗题颜愿顾风饭饮饲饼养馆喂马冯骆验体松闹鱼鲁鸭盐面面么黄点齐齿龄' +
  '龙庞龚' +
  '坏辆锅炉铁厂办递邮码痒肿疗麦轮币衬虽台柜刚适类试将当顺讲识药爱';

/** Simplified form by char code (0: none): one byte read a character, as every message passes through here. */
const TABLE = new Uint16Array(0x10000);
for (let i = 0; i < TRADITIONAL.length; i++) TABLE[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);

/** The text with its traditional characters in simplified form (unchanged, and not copied, when it has none). */
export function simplify(text: string): string {
  let i = 0;
  while (i < text.length && TABLE[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const s = TABLE[c] as number;
    out += String.fromCharCode(s === 0 ? c : s);
  }
  return out;
}
