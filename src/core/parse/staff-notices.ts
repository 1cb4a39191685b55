// Staff's notices and what they write down for members: rules to everyone, the doctor called, a booking noted,
// a cancel done. Read by staff-talk.ts.

/** 每天…各报一次，体温超过37.3度或者有咳嗽、乏力的马上告诉我们: staff's rule to everyone. */
export const STAFF_RULE_RE =
  /(?:超过|过了|以上|或者?有)[^。!！?？]{0,20}的[,，\s]*(?:请)?(?:马上|立即|及时|立刻|务必|直接)(?:在群里)?(?:告诉|报告|上报|联系|通知|说|打(?:我|村医)?(?:的)?电话)/;
/** 我马上喊村医过来看 / 马上叫医生过去: a cadre or volunteer calling the doctor for someone. */
export const CALLS_DOCTOR_RE = /马上(?:喊|叫|联系|通知)(?:村医|医生|卫生院|大夫)(?:过来|过去|来|去)/;
/** 先莫出门 / 戴好口罩 / 莫乱吃药: what to do until the doctor comes. */
export const UNTIL_THEN_RE =
  /先(?:莫|别|不要)(?:出门|乱吃药|吃药|乱跑)|(?:莫|别|不要)乱吃药|戴好口罩|在屋头等/;
export const NOTICE_OPENING_RE =
  /^\s*(?:各位|全体|所有)(?:住户|居民|村民|乡亲|家人|[\u4e00-\u9fa5]{0,4}人员|群友|朋友)(?:们)?[,，:：\s]*(?:(?:早上好|上午好|下午好|晚上好|大家好|好)[!！,，。\s]*)?(?:请注意|注意|请|通知|提醒|每天|从今天起|今天起|本群|我是[^。，,]{0,10}(?:工作人员|医生|护士|医护|志愿者|书记|村医|主任))/;
/** 今天下午3点统一送桶装水，每个房间一桶，不用在群里报了: a service to everyone, nothing to book. */
export const FOR_EVERYONE_RE =
  /(?:统一|集中)(?:送|发|配送|发放)[^。!！?？]{0,20}(?:每个?(?:房间?|人|户|家)|每间|各(?:房间?|户|家))[^。!！]{0,12}(?:不用|不需要|无需|不必)(?:在群里)?(?:报|登记|接龙)/;
/** 好的 已经给你取消了 / 好的，3号删了: a cancel done for the member by staff. */
export const CANCELLED_FOR_RE =
  /(?:给你|帮你|替你)(?:把[^，。,]{0,8})?(?:取消|删掉|删除|划掉)了|^\s*(?:好的|收到|好|嗯)[,，\s]*(?:第)?\d{1,2}号(?:已经?)?(?:删|删掉|划掉|取消)了|^\s*(?:好的|收到)[,，\s]+[\u4e00-\u9fa5]{2,6}的(?:水|订单|单子)(?:已经?)?(?:取消|删)了/;
/** 收到 六组明天上午两桶 记上了 / 石板沟明天上午的两桶水记下了，10点前送到: a volunteer writing a booking down. */
export const NOTED_RE =
  /(?:记上了|记下了|记好了|记到了|登记好了|已登记|已记录|登记了)(?:哈|啊|哦|的)?(?=[\s,，。!！~]|$)/;
