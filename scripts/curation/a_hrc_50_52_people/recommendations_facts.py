"""Hand-curated recommendations of A/HRC/50/52: every call, urging, encouragement, request or recommendation a
speaker or the participants address to someone at the panel, one tuple per row, in reading order.

Rules applied (the facts below follow them; the report of issue 3 restates them):
- One row per recommending verb (建议, 呼吁, 敦促, 鼓励, 请, 要求): a verb followed by several items separated by
  '；' is one row; two verbs in one sentence ('建议..., 并敦促...') are two rows.
- text runs from the verb (or from the addressee where it precedes a modal '应') to the end of what is
  recommended, without the final '。'.
- made_by is the speaker's designation as printed in the sentence; where the sentence uses a pronoun (他/她),
  the designation printed last before it in the paragraph, and notes say so. Passive calls (no subject printed)
  get made_by 与会者 and a note.
- addressed_to only where the text prints an addressee; otherwise empty, with a note where one is implied.
- Not rows: the Council's requests in the summary box and paras 3-4 (mandates reported), the Global Compact's
  recommendation in para 2 (background) and the Council's calls in resolution 47/12 reported in para 8 (the
  resolution's content, not made at the panel); statements of need (需要, 必须, 应) not framed as a
  recommendation.
"""

from __future__ import annotations

from typing import NamedTuple


class R(NamedTuple):
    paragraph: int
    made_by: str
    made_by_entity: str  # entity_id of a named participant of this document, or ""
    addressed_to: str
    addressed_to_kind: str
    verb: str
    text: str
    notes: str = ""


PRONOUN = "The sentence says {}; made_by is the designation printed last before it in the paragraph."

RECOMMENDATIONS: list[R] = [
    R(
        7,
        "高级专员",
        "person-michelle-bachelet",
        "人权理事会及其附属机构和机制",
        "council",
        "鼓励",
        "鼓励人权理事会及其附属机构和机制加强促进和保护移民的人权",
    ),
    R(
        7,
        "高级专员",
        "person-michelle-bachelet",
        "",
        "",
        "建议",
        "建议将关于移民人权的年度小组讨论会列入理事会议程",
        PRONOUN.format("她") + " No addressee printed; the Council is implied (its agenda).",
    ),
    R(
        11,
        "Garcia 先生",
        "person-evan-p-garcia",
        "",
        "",
        "呼吁",
        "呼吁高层致力于促进移民的人权并加强这方面的国际合作和对话",
        PRONOUN.format("他") + " 高层 reads as 'high-level commitment' (content), not as the addressee; no "
        "addressee printed.",
    ),
    R(
        12,
        "特别报告员",
        "person-felipe-gonzalez-morales",
        "各国",
        "states",
        "呼吁",
        "呼吁各国制定基于人权、促进性别平等和对儿童敏感的移民和边境管理方法",
        PRONOUN.format("他"),
    ),
    R(
        12,
        "特别报告员",
        "person-felipe-gonzalez-morales",
        "各国",
        "states",
        "鼓励",
        "鼓励各国为不符合难民资格的处境脆弱人士提供特别居留许可和正规化程序；为与移民接触的工作人员提供培训；"
        "并建立甄别和转介机制，以识别处境脆弱移民并向其提供适当保护",
        "One encouragement with three items separated by '；'.",
    ),
    R(
        14,
        "Jerald Joseph",
        "person-jerald-joseph",
        "各国",
        "states",
        "建议",
        "建议各国修改立法，防止强迫劳动，并改善执行情况；确保所有企业的供应链内的尽职调查；为移民建立便于利用的投诉机制；"
        "增加获得领事服务的机会；并使移徙治理工作做到熟悉创伤问题，以受害者为本，促进性别平等和适合年龄，不将受害者定罪",
        PRONOUN.format("他") + " One recommendation with five items separated by '；'.",
    ),
    R(
        15,
        "LeVoy 女士",
        "person-michele-levoy",
        "",
        "",
        "建议",
        "建议在提供基本服务和移民执法之间采用立法和实际防火墙",
        "The name is printed in bold (**LeVoy**) in the received file. No addressee printed.",
    ),
    R(
        15,
        "LeVoy 女士",
        "person-michele-levoy",
        "",
        "",
        "建议",
        "建议采取支持无证移民恢复和融入社会的整体办法，包括为所有移民实施劳工和受害者权利，无论其地位如何，"
        "并处理针对他们的侵权和虐待行为",
        PRONOUN.format("她") + " No addressee printed.",
    ),
    R(
        15,
        "LeVoy 女士",
        "person-michele-levoy",
        "",
        "",
        "呼吁",
        "赞同秘书长呼吁通过国家主导的和其他区域、次区域和跨区域的进程和平台开展合作，以扩大和丰富基于权利的正常移徙途径，"
        "包括正规化",
        "LeVoy endorses (赞同) a call made by the Secretary-General: the call is the Secretary-General's, made hers "
        "at the panel; text starts at 赞同 so the endorsement is kept. No addressee printed.",
    ),
    R(17, "一些与会者", "", "", "", "呼吁", "呼吁加大努力保护弱势移民的人权", "No addressee printed."),
    R(
        18,
        "与会者",
        "",
        "各国和其他利益攸关方",
        "international_community",
        "请",
        "请各国和其他利益攸关方利用这一指南来弥补移民人权保护方面的不足",
        "Addressed to States and other stakeholders (kind international_community: several kinds of actor). "
        "这一指南 is the Principles and Guidelines named earlier in the sentence (footnote 4).",
    ),
    R(
        19,
        "一些与会者",
        "",
        "各国",
        "states",
        "要求",
        "要求各国开展合作，设法向移民提供拯救生命的人道援助，并不再采取会阻碍这种努力或将其定罪的行动",
    ),
    R(
        20,
        "与会者",
        "",
        "",
        "",
        "建议",
        "建议更加重视在国际边界保障人权，包括调查侵犯和虐待移民人权的指称，并确保问责",
        "No addressee printed.",
    ),
    R(
        20,
        "还有与会者",
        "",
        "",
        "",
        "建议",
        "建议维护人道主义行为体、民间社会组织、国家人权机构和其他相关利益攸关方在国际边界接触移民的权利",
        "made_by as printed (还有与会者, 'other participants also'). No addressee printed.",
    ),
    R(
        21,
        "一些与会者",
        "",
        "各国",
        "states",
        "建议",
        "建议各国不仅终止将非正常移徙定罪的做法，而且还终止将移民拘留的有害做法，包括在法律上和实践中不再将移徙儿童拘留，"
        "也不再在边境治理背景下使家庭分离",
        "Printed after the page break (footnote 4 interrupts the paragraph earlier).",
    ),
    R(
        22,
        "许多与会者",
        "",
        "",
        "",
        "呼吁",
        "呼吁扩大安全和正常移徙的途径，以防止移徙途中的生命损失",
        "No addressee printed.",
    ),
    R(
        23,
        "这些与会者",
        "",
        "",
        "",
        "建议",
        "建议制定专门的无国籍状态确定程序，以在抵达时识别和记录无国籍状态",
        "这些与会者 refers to the 一些与会者 of the same paragraph. No addressee printed.",
    ),
    R(25, "一些与会者", "", "各国", "states", "敦促", "敦促各国防止贩运人口和偷运移民，确保有效起诉犯罪人并保护受害者"),
    R(
        27,
        "与会者",
        "",
        "各国",
        "states",
        "敦促",
        "敦促各国确保充分和平等地获得教育、医疗保健、司法和社会保护，如果消除法律、行政和实际障碍，并且移民及其家人在获得"
        "服务时不担心被报告给移民当局，这是可以实现的",
        "Passive in the text ('敦促各国确保...'): who urged is not printed; made_by 与会者 stands for the plenary "
        "discussion this paragraph summarises (the paragraph opens with 一些与会者). The span keeps the sentence's "
        "condition clause (如果..., 这是可以实现的).",
    ),
    R(
        28,
        "与会者",
        "",
        "各国",
        "states",
        "呼吁",
        "呼吁各国打击针对移民的种族歧视、仇外、宗教不容忍和仇恨犯罪，支持改善融合和社会凝聚力的措施，并确保不受歧视地获得"
        "司法、教育、卫生、体面工作、社会保障和基本服务",
        "Passive in the text ('呼吁各国...'): who called is not printed; made_by 与会者 stands for the plenary "
        "discussion this paragraph summarises (it opens with 许多与会者 and 其他与会者). Printed after a page break.",
    ),
    R(
        30,
        "González Morales 先生",
        "person-felipe-gonzalez-morales",
        "",
        "",
        "建议",
        "建议在疫情实施的紧急身份正常化进程成为各国移民治理的持久工具",
        PRONOUN.format("他") + " No addressee printed (States are implied: 各国移民治理).",
    ),
    R(
        30,
        "González Morales 先生",
        "person-felipe-gonzalez-morales",
        "各国",
        "states",
        "敦促",
        "敦促各国确保对移民的人权进行独立监测，包括由国家人权机构和民间社会进行监测",
        PRONOUN.format("他"),
    ),
    R(
        30,
        "LeVoy 女士",
        "person-michele-levoy",
        "",
        "",
        "呼吁",
        "呼吁建立独立机制，监测国际边界的侵犯人权行为",
        PRONOUN.format("她") + " No addressee printed.",
    ),
    R(
        30,
        "Garcia 先生",
        "person-evan-p-garcia",
        "",
        "",
        "建议",
        "建议继续讨论影响移徙者的脆弱性状况",
        PRONOUN.format("他") + " No addressee printed.",
    ),
    R(
        30,
        "Garcia 先生",
        "person-evan-p-garcia",
        "所有行为者",
        "international_community",
        "敦促",
        "敦促所有行为者负起责任，找到扩大国际合作的途径，并处理针对移民和移徙的有害言论，包括为此执行《全球契约》",
        PRONOUN.format("他"),
    ),
    R(
        31,
        "Zniber 先生",
        "person-omar-zniber",
        "各方",
        "international_community",
        "呼吁",
        "呼吁各方积极参加《全球契约》第一次国际移民问题审查论坛",
        "Printed after the page break of para 31.",
    ),
    R(
        32,
        "Kaelin 先生",
        "person-walter-kaelin",
        "各国",
        "states",
        "呼吁",
        "呼吁各国在使用人道主义签证、临时保护、移民配额或自由流动协议等现有工具作为处理和减少脆弱性的关键战略时，提高可预测性",
        PRONOUN.format("他") + " The name is printed in bold (**Kaelin**).",
    ),
    R(
        33,
        "Ghimire 女士",
        "person-anita-ghimire",
        "",
        "",
        "建议",
        "建议改善就业和创业方案；在存在侵犯人权行为和劳动力迁移率高的地带，将移民的人权置于外交对话的首要位置；严格监测来源国"
        "和目的地国的有害中介过程和机构；加强对移民及其家庭的就业前指导",
        "The name is printed in bold (**Ghimire**). One recommendation with four items. No addressee printed.",
    ),
    R(
        34,
        "Macedo do Nascimento 女士",
        "person-juliana-macedo-do-nascimento",
        "各国政府",
        "states",
        "敦促",
        "敦促各国政府认识到移徙是一种不可否认的正常人类现象，创造新的途径便利正规化和获取公民身份，以确保移民融入社会，"
        "并且不错失移民能够做出的贡献",
        PRONOUN.format("她") + " Printed after the page break of para 34.",
    ),
    R(
        35,
        "Ceriani 先生",
        "person-pablo-ceriani",
        "各国",
        "states",
        "不应",
        "各国不应与家人一起移徙或在国外与家人团聚的能力实施不必要、不合理的限制和规定",
        "One of the several recommendations the text says Ceriani made "
        "(Ceriani 先生就防止家庭分离和便利家庭团聚提出了几项建议); "
        "introduced by 他说 and by a reference to what members of the CRC and the CMW have said. The clause as printed "
        "lacks a preposition (不应[对]...的能力实施): kept as published.",
    ),
    R(
        35,
        "Ceriani 先生",
        "person-pablo-ceriani",
        "各国",
        "states",
        "建议",
        "建议各国设计和实施高效、易于利用的家庭团聚程序，作为移民享有家庭生活的人权的一个重要组成部分。程序不应规定将处境脆弱者"
        "排除在外的条件",
        PRONOUN.format("他") + " The span keeps the next sentence (程序不应规定...), the condition attached to the "
        "recommended procedures.",
    ),
    R(
        35,
        "Ceriani 先生",
        "person-pablo-ceriani",
        "各国",
        "states",
        "应",
        "各国还应以工作、家庭、居住时间、人道主义原因和行使庇护权等项标准为基础，建立长期和可预测的正常化机制",
        "One of the several recommendations Ceriani made; introduced by 他还表示 (verb printed as 还应).",
    ),
    R(39, "与会者", "", "", "", "建议", "建议实施具体方案，处理老年移民面临的脆弱情况", "No addressee printed."),
    R(
        40,
        "与会者",
        "",
        "各国",
        "states",
        "鼓励",
        "鼓励各国扩大正规化方案，将其作为改善人权的享有和相关服务的获取的关键战略",
    ),
    R(
        40,
        "与会者",
        "",
        "",
        "",
        "建议",
        "建议，不要因为无证移民的移民身份包括他们的非正常入境和居留而将其定罪",
        "Printed '与会者还建议，...'. No addressee printed.",
    ),
    R(
        40,
        "与会者",
        "",
        "",
        "",
        "建议",
        "建议在获得服务和移民执法之间建立防火墙",
        "Second 建议 of the sentence '与会者还建议，...，并建议...'. No addressee printed.",
    ),
    R(41, "与会者", "", "各国", "states", "敦促", "敦促各国采取一切必要步骤，确保将移民平等地纳入 COVID-19 应对举措"),
    R(
        42,
        "这些与会者",
        "",
        "",
        "",
        "建议",
        "建议让包括移徙儿童和青年在内的移民参与国家、区域和全球三级(人权理事会)与移徙相关的政策的设计和监测",
        "这些与会者 refers to the 其他与会者 of the previous sentence. No addressee printed.",
    ),
    R(
        43,
        "一些与会者",
        "",
        "",
        "",
        "鼓励",
        "鼓励就人权理事会如何能够最有效地推动进一步预防和解决移徙过程中的脆弱情况开展讨论",
        "No addressee printed; the discussion encouraged concerns the Council.",
    ),
    R(43, "一些与会者", "", "人权高专办", "ohchr", "鼓励", "鼓励人权高专办继续优先考虑和倡导处境脆弱移民的人权"),
    R(
        44,
        "Ghimire 女士",
        "person-anita-ghimire",
        "",
        "",
        "建议",
        "建议关注留守的移徙劳工的家人，他们难以在目的地国与家人团聚",
        "No addressee printed.",
    ),
    R(
        45,
        "Barretto Maia 女士",
        "person-camila-barretto-maia",
        "",
        "",
        "呼吁",
        "呼吁在国际边界建立独立的人权监督机制",
        "No addressee printed.",
    ),
]
