<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddEndpointDialog</name>
    <message>
        <source>Add custom endpoint</source>
        <translation>添加自定义端点</translation>
    </message>
    <message>
        <source>Add another OpenAI Compatible endpoint, such as a local model server, with its own name.</source>
        <translation>添加另一个 OpenAI 兼容端点（例如本地模型服务器），并为它单独命名。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The name shown on the card, for example Office GPU server.</source>
        <translation>卡片上显示的名称，例如“办公室 GPU 服务器”。</translation>
    </message>
    <message>
        <source>For example: Office GPU server</source>
        <translation>例如：办公室 GPU 服务器</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Fills in the API Host of a local server that needs no key.</source>
        <translation>填入无需密钥的本地服务器的 API Host。</translation>
    </message>
    <message>
        <source>None: I will enter the API Host</source>
        <translation>无：我将自行输入 API Host</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>A card named {name} already exists. Choose another name.</source>
        <translation>已存在名为 {name} 的卡片。请换一个名称。</translation>
    </message>
    <message>
        <source>The name shown on the card.</source>
        <translation>卡片上显示的名称。</translation>
    </message>
</context>
<context>
    <name>EnvKeysDialog</name>
    <message>
        <source>Import keys from environment</source>
        <translation>从环境变量导入密钥</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>No key variable is set. These are the ones looked for: {names}.</source>
        <translation>未设置任何密钥变量。会查找以下变量：{names}。</translation>
    </message>
    <message>
        <source>These environment variables contain provider keys. Choose the ones to store in the keychain; their values are not shown. Imported cards show Unverified until you save them, which validates the key.</source>
        <translation>以下环境变量包含服务商密钥。请选择要存入钥匙串的变量；变量的值不会显示。导入的卡片在您保存（即验证密钥）之前显示“未验证”。</translation>
    </message>
    <message>
        <source>{variable} for {provider}</source>
        <translation>{variable}（{provider}）</translation>
    </message>
    <message>
        <source>Replaces the saved key of this card.</source>
        <translation>将替换此卡片已保存的密钥。</translation>
    </message>
    <message>
        <source>{variable}: {problem} Set {variable} again, then import again.</source>
        <translation>{variable}：{problem}请重新设置 {variable}，然后再次导入。</translation>
    </message>
    <message>
        <source>{variable} must be set as well.</source>
        <translation>还需要设置 {variable}。</translation>
    </message>
    <message>
        <source>{provider} has no default API Host. Save its card first, then import the key.</source>
        <translation>{provider} 没有默认 API Host。请先保存其卡片，再导入密钥。</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong. The window keeps working; details are in the log.</source>
        <translation>出现了问题。窗口仍可继续使用；详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export settings</source>
        <translation>导出设置</translation>
    </message>
    <message>
        <source>Writes the saved configs and the default to a JSON file, for a backup or another computer.</source>
        <translation>把已保存的配置和默认配置写入 JSON 文件，用于备份或在另一台电脑上使用。</translation>
    </message>
    <message>
        <source>Include the API keys</source>
        <translation>包含 API 密钥</translation>
    </message>
    <message>
        <source>Also writes the keys from the keychain into the file, in plain text.</source>
        <translation>同时把钥匙串中的密钥以明文写入文件。</translation>
    </message>
    <message>
        <source>The file will contain your API keys in plain text, and anyone who can read it can use them. It is written readable only by you. Keep it private, and delete it when you no longer need it.</source>
        <translation>文件将以明文包含您的 API 密钥，任何能读取该文件的人都能使用这些密钥。文件写入后仅您本人可读。请妥善保管，不再需要时请删除。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>FormRow</name>
    <message>
        <source>Use the suggested value</source>
        <translation>使用建议的值</translation>
    </message>
    <message>
        <source>Use {value}</source>
        <translation>使用 {value}</translation>
    </message>
    <message>
        <source>Replaces {field} with this value.</source>
        <translation>用此值替换 {field}。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Validation cancelled because the window is closing.</source>
        <translation>窗口正在关闭，验证已取消。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>These cards have changes that are not saved: {names}. Close and discard them?</source>
        <translation>以下卡片有未保存的更改：{names}。要关闭并放弃这些更改吗？</translation>
    </message>
    <message>
        <source>Discard and close</source>
        <translation>放弃并关闭</translation>
    </message>
</context>
<context>
    <name>ModelListLoader</name>
    <message>
        <source>Loading the model list…</source>
        <translation>正在加载模型列表…</translation>
    </message>
    <message>
        <source>The model list could not be loaded: {message}</source>
        <translation>无法加载模型列表：{message}</translation>
    </message>
    <message>
        <source>{provider} listed no models. Type the model name.</source>
        <translation>{provider} 未列出任何模型。请输入模型名称。</translation>
    </message>
    <message>
        <source>Models loaded: {count}. Type part of a name to search them, or enter any other name.</source>
        <translation>已加载模型：{count} 个。输入名称的一部分即可搜索，也可以输入其他任意名称。</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Custom Model</source>
        <translation>自定义模型</translation>
    </message>
    <message>
        <source>Bring your own key for any of these providers.</source>
        <translation>可为以下任一服务商使用你自己的密钥。</translation>
    </message>
    <message>
        <source>Agents › Models</source>
        <translation>智能体 › 模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Bring your own API key: Save checks the key and model with the provider, then keeps the key in your system&apos;s keychain. Set as Default chooses the model your agents use.</source>
        <translation>使用您自己的 API 密钥：“保存”会向服务商验证密钥和模型，然后把密钥存入系统钥匙串。“设为默认”用于选择智能体使用的模型。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Keep keys in a file instead</source>
        <translation>改为将密钥保存在文件中</translation>
    </message>
    <message>
        <source>Stores new keys in a file readable only by you, because the keychain cannot be used.</source>
        <translation>由于无法使用钥匙串，将新密钥保存在只有你能读取的文件中。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Keys are kept in a file readable only by you, not in the system keychain. Anyone with access to your user account can read them. To move them to the keychain, run: {command}</source>
        <translation>密钥保存在仅您本人可读的文件中，而不是系统钥匙串中。能访问您用户账户的任何人都能读取它们。要把密钥移到钥匙串，请运行：{command}</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>密钥存储</translation>
    </message>
    <message>
        <source>Search providers and models</source>
        <translation>搜索服务商和模型</translation>
    </message>
    <message>
        <source>Shows only the cards whose name, Model Type or suggested models contain this text.</source>
        <translation>只显示名称、模型类型或推荐模型包含此文本的卡片。</translation>
    </message>
    <message>
        <source>Configured first</source>
        <translation>已配置的优先</translation>
    </message>
    <message>
        <source>Moves the cards with a saved configuration to the top.</source>
        <translation>把已保存配置的卡片排在最前面。</translation>
    </message>
    <message>
        <source>Validate all</source>
        <translation>全部验证</translation>
    </message>
    <message>
        <source>Checks every saved configuration with its provider again. Nothing is changed on disk.</source>
        <translation>向服务商重新验证每个已保存的配置。不会修改磁盘上的任何内容。</translation>
    </message>
    <message>
        <source>Add custom endpoint</source>
        <translation>添加自定义端点</translation>
    </message>
    <message>
        <source>Adds another OpenAI Compatible card, for example for a local model server.</source>
        <translation>添加另一张 OpenAI 兼容卡片，例如用于本地模型服务器。</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>导入 / 导出</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>导入和导出</translation>
    </message>
    <message>
        <source>Exports the settings to a file, imports them from one, or imports keys from environment variables.</source>
        <translation>把设置导出到文件、从文件导入设置，或从环境变量导入密钥。</translation>
    </message>
    <message>
        <source>Export settings…</source>
        <translation>导出设置…</translation>
    </message>
    <message>
        <source>Import settings…</source>
        <translation>导入设置…</translation>
    </message>
    <message>
        <source>Import keys from environment…</source>
        <translation>从环境变量导入密钥…</translation>
    </message>
    <message>
        <source>The settings file could not be updated to this version: {error}</source>
        <translation>无法把设置文件更新到此版本：{error}</translation>
    </message>
    <message>
        <source>Saved keys could not be read from the keychain: {error}</source>
        <translation>无法从钥匙串读取已保存的密钥：{error}</translation>
    </message>
    <message>
        <source>These configs were not in the restored settings; save them again: {configs}.</source>
        <translation>恢复的设置中没有这些配置，请重新保存：{configs}。</translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}). It was moved to {moved_to} and the settings were restored from the backup {backup}.</source>
        <translation>无法读取设置文件（{reason}）。该文件已移至 {moved_to}，设置已从备份 {backup} 恢复。</translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}). It was moved to {moved_to} and the program started with empty settings.</source>
        <translation>无法读取设置文件（{reason}）。该文件已移至 {moved_to}，程序以空设置启动。</translation>
    </message>
    <message>
        <source>The keychain cannot be used right now, so keys cannot be saved. You can keep keys in a file instead.</source>
        <translation>钥匙串目前无法使用，因此无法保存密钥。您可以改为将密钥保存在文件中。</translation>
    </message>
    <message>
        <source>Keep keys in a file</source>
        <translation>将密钥保存在文件中</translation>
    </message>
    <message>
        <source>Keys will be kept in a file in your settings folder. Only your user account can read the file, but it is not encrypted: anyone who uses your account, and any program you run, can read the keys. Keep keys in a file?</source>
        <translation>密钥将保存在设置文件夹中的一个文件里。只有你的用户帐户可以读取该文件，但它没有加密：任何使用你帐户的人以及你运行的任何程序都能读取这些密钥。要将密钥保存在文件中吗？</translation>
    </message>
    <message>
        <source>Keys could not be moved to a file: {error}</source>
        <translation>无法将密钥移到文件中：{error}</translation>
    </message>
    <message>
        <source>New keys are now kept in a file readable only by you. Enter the missing keys again and save.</source>
        <translation>新密钥现在保存在只有你能读取的文件中。请重新输入缺失的密钥并保存。</translation>
    </message>
    <message>
        <source>New keys are now kept in a file readable only by you.</source>
        <translation>新密钥现在保存在只有你能读取的文件中。</translation>
    </message>
    <message>
        <source>settings.json was changed, but it could not be read: {error} The window still shows the settings from before.</source>
        <translation>settings.json 已更改，但无法读取：{error} 窗口仍显示更改前的设置。</translation>
    </message>
    <message>
        <source>No provider or model matches “{text}”.</source>
        <translation>没有与“{text}”匹配的服务商或模型。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Set an unverified configuration as default</source>
        <translation>将未验证的配置设为默认</translation>
    </message>
    <message>
        <source>{provider} was saved without validation, so its key and model are not proven. Agents may fail with it. Set it as the default anyway?</source>
        <translation>{provider} 未经验证就已保存，其密钥和模型尚未得到证实，智能体使用时可能会失败。仍要将其设为默认吗？</translation>
    </message>
    <message>
        <source>Set as Default</source>
        <translation>设为默认</translation>
    </message>
</context>
<context>
    <name>ProviderCard</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Stores the key and settings although the provider could not check them.</source>
        <translation>即使服务商无法检查，也保存密钥和设置。</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>验证已取消。</translation>
    </message>
    <message>
        <source>Not configured yet.</source>
        <translation>尚未配置。</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>密钥存储</translation>
    </message>
    <message>
        <source>Use the suggested API Host</source>
        <translation>使用建议的 API Host</translation>
    </message>
    <message>
        <source>Save without validation</source>
        <translation>不验证直接保存</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save {provider}</source>
        <translation>保存 {provider}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel validation</source>
        <translation>取消验证</translation>
    </message>
    <message>
        <source>Stops the running validation. Shortcut: Esc.</source>
        <translation>停止正在进行的验证。快捷键：Esc。</translation>
    </message>
    <message>
        <source>Set as Default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Set {provider} as default</source>
        <translation>将 {provider} 设为默认</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Deletes the saved key from the keychain and this card&apos;s settings.</source>
        <translation>从钥匙串中删除已保存的密钥，并删除此卡片的设置。</translation>
    </message>
    <message>
        <source>Get an API key</source>
        <translation>获取 API 密钥</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Links for {provider}</source>
        <translation>{provider} 的链接</translation>
    </message>
    <message>
        <source>Opens the provider&apos;s key page or documentation in your browser.</source>
        <translation>在浏览器中打开服务商的密钥页面或文档。</translation>
    </message>
    <message>
        <source>The keychain could not be read, so the saved key is not available. The message above the cards says how to fix it.</source>
        <translation>无法读取钥匙串，因此已保存的密钥不可用。卡片上方的消息说明了如何解决。</translation>
    </message>
    <message>
        <source>The saved key could not be read from the keychain. Enter the key again and save.</source>
        <translation>无法从钥匙串读取已保存的密钥。请重新输入密钥并保存。</translation>
    </message>
    <message>
        <source>Not saved. Correct the marked fields and save again.</source>
        <translation>未保存。请更正标记的字段后再次保存。</translation>
    </message>
    <message>
        <source>Validation stopped because of an internal error. See the log.</source>
        <translation>验证因内部错误而停止。请查看日志。</translation>
    </message>
    <message>
        <source>Validated, but the settings could not be written: {error}</source>
        <translation>验证成功，但无法写入设置：{error}</translation>
    </message>
    <message>
        <source>{provider} is rate limiting this key, so the key and model are not proven. Save the key and settings anyway? The card will show Unverified, and setting it as the default will ask you to confirm again.</source>
        <translation>{provider} 正在对此密钥限流，因此密钥和模型未经证实。仍要保存密钥和设置吗？卡片将显示“未验证”，将其设为默认时会再次请您确认。</translation>
    </message>
    <message>
        <source>{provider} could not be reached, so the key and model are not proven. Save the key and settings anyway? The card will show Unverified, and setting it as the default will ask you to confirm again.</source>
        <translation>无法连接 {provider}，因此密钥和模型未经证实。仍要保存密钥和设置吗？卡片将显示“未验证”，将其设为默认时会再次请您确认。</translation>
    </message>
    <message>
        <source>Remove {provider}</source>
        <translation>移除 {provider}</translation>
    </message>
    <message>
        <source>Remove this endpoint? Its key is deleted from the keychain and its settings from settings.json.</source>
        <translation>要移除此端点吗？其密钥将从钥匙串中删除，其设置将从 settings.json 中删除。</translation>
    </message>
    <message>
        <source>Reset {provider}</source>
        <translation>重置 {provider}</translation>
    </message>
    <message>
        <source>Reset this card? Its key is deleted from the keychain and its settings from settings.json.</source>
        <translation>要重置此卡片吗？其密钥将从钥匙串中删除，其设置将从 settings.json 中删除。</translation>
    </message>
    <message>
        <source>Discard your changes to this card?</source>
        <translation>要放弃对此卡片的更改吗？</translation>
    </message>
    <message>
        <source>Reset to the provider&apos;s defaults.</source>
        <translation>已恢复为服务商的默认值。</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Validation failed. Your saved configuration was not changed.</source>
        <translation>验证失败。已保存的配置未被更改。</translation>
    </message>
    <message>
        <source>Validation failed. Nothing was saved.</source>
        <translation>验证失败。未保存任何内容。</translation>
    </message>
    <message>
        <source>Validation failed.</source>
        <translation>验证失败。</translation>
    </message>
    <message>
        <source>Double-check your API key. Regenerate a new key if needed.</source>
        <translation>请仔细检查您的 API 密钥，必要时重新生成新密钥。</translation>
    </message>
    <message>
        <source>Verify the model name is correct. Check if you have access to that model.</source>
        <translation>请确认模型名称正确，并检查您是否有权使用该模型。</translation>
    </message>
    <message>
        <source>Check your provider&apos;s billing dashboard. Add credits or upgrade your plan.</source>
        <translation>请查看服务商的账单面板，充值或升级套餐。</translation>
    </message>
    <message>
        <source>Use {host}</source>
        <translation>使用 {host}</translation>
    </message>
    <message>
        <source>Replaces the API Host with the address that answered. Save again to validate it.</source>
        <translation>把 API Host 替换为有响应的地址。请再次保存以验证。</translation>
    </message>
    <message>
        <source>API Host changed to {host}. Save to validate it.</source>
        <translation>API Host 已改为 {host}。请保存以验证。</translation>
    </message>
    <message>
        <source>Saved, but the key is missing. Enter it again and save.</source>
        <translation>已保存，但缺少密钥。请重新输入并保存。</translation>
    </message>
    <message>
        <source>Saved without validation.</source>
        <translation>已保存，未经验证。</translation>
    </message>
    <message>
        <source>Saved. Validated on {time}.</source>
        <translation>已保存。验证时间：{time}。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The key could not be stored or read. Nothing was saved.</source>
        <translation>无法存储或读取密钥。未保存任何内容。</translation>
    </message>
    <message>
        <source>Validation cancelled because the card changed. Save again to check the new values.</source>
        <translation>卡片内容已更改，验证已取消。请再次保存以检查新值。</translation>
    </message>
    <message>
        <source>To save, fill in: {fields}.</source>
        <translation>要保存，请填写：{fields}。</translation>
    </message>
    <message>
        <source>No unsaved changes.</source>
        <translation>没有未保存的更改。</translation>
    </message>
    <message>
        <source>{provider} card</source>
        <translation>{provider} 卡片</translation>
    </message>
    <message>
        <source>This key is kept in a file readable only by you, not in the system keychain.</source>
        <translation>此密钥保存在仅您本人可读的文件中，而不是系统钥匙串中。</translation>
    </message>
    <message>
        <source>Save keeps the key in a file readable only by you, not in the system keychain.</source>
        <translation>“保存”会把密钥存入仅您本人可读的文件，而不是系统钥匙串。</translation>
    </message>
    <message>
        <source>This configuration is already the default.</source>
        <translation>此配置已是默认配置。</translation>
    </message>
    <message>
        <source>Agents will use this configuration.</source>
        <translation>智能体将使用此配置。</translation>
    </message>
    <message>
        <source>Not validated yet: you will be asked to confirm.</source>
        <translation>尚未验证：将请你确认。</translation>
    </message>
    <message>
        <source>Save and validate this card first.</source>
        <translation>请先保存并验证此卡片。</translation>
    </message>
    <message>
        <source>Enter a valid API Host to see the URL that Save will call.</source>
        <translation>输入有效的 API Host 即可查看“保存”将调用的 URL。</translation>
    </message>
    <message>
        <source>Save calls: POST {url}</source>
        <translation>“保存”将调用：POST {url}</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <source>Or sign requests with AWS access keys instead of an API key:</source>
        <translation>或者不用 API 密钥，而用 AWS 访问密钥签名请求：</translation>
    </message>
    <message>
        <source>Your authentication key from {provider}.</source>
        <translation>您从 {provider} 获取的身份验证密钥。</translation>
    </message>
    <message>
        <source>Example: {example}</source>
        <translation>示例：{example}</translation>
    </message>
    <message>
        <source>Leave it empty if the server needs no key.</source>
        <translation>如果服务器不需要密钥，请留空。</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>The API endpoint URL, for example {example}.</source>
        <translation>API 端点 URL，例如 {example}。</translation>
    </message>
    <message>
        <source>API Host</source>
        <translation>API Host</translation>
    </message>
    <message>
        <source>The specific model variant to use, for example {example}.</source>
        <translation>要使用的具体模型，例如 {example}。</translation>
    </message>
    <message>
        <source>Model Type</source>
        <translation>模型类型</translation>
    </message>
    <message>
        <source>Load models</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Load models from {provider}</source>
        <translation>从 {provider} 加载模型</translation>
    </message>
    <message>
        <source>Reads the models your key can use from {provider} and offers them as you type a Model Type.</source>
        <translation>从 {provider} 读取您的密钥可用的模型，并在您输入模型类型时提供建议。</translation>
    </message>
    <message>
        <source>Provider-specific setting for {provider}.</source>
        <translation>{provider} 专用的设置。</translation>
    </message>
    <message>
        <source>Hide {field}</source>
        <translation>隐藏{field}</translation>
    </message>
    <message>
        <source>Show {field}</source>
        <translation>显示{field}</translation>
    </message>
    <message>
        <source>Shows or hides the characters you typed.</source>
        <translation>显示或隐藏您输入的字符。</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Local server presets</source>
        <translation>本地服务器预设</translation>
    </message>
    <message>
        <source>Fills in the API Host of a local server.</source>
        <translation>填入本地服务器的 API Host。</translation>
    </message>
    <message>
        <source>Fill in the API Host of a local server</source>
        <translation>填入本地服务器的 API Host</translation>
    </message>
    <message>
        <source>Optional for local servers</source>
        <translation>本地服务器可不填</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <source>Key missing: enter it again</source>
        <translation>缺少密钥：请重新输入</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Saved key ending in {suffix}</source>
        <translation>已保存的密钥，结尾为 {suffix}</translation>
    </message>
    <message>
        <source>Saved, ending in {suffix}</source>
        <translation>已保存，结尾为 {suffix}</translation>
    </message>
</context>
<context>
    <name>ResultDetails</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Validation details</source>
        <translation>验证详情</translation>
    </message>
    <message>
        <source>Shows each step of the last validation with its URL, HTTP status, latency and the provider&apos;s message.</source>
        <translation>显示上次验证的每个步骤及其 URL、HTTP 状态、延迟和服务商的消息。</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>HTTP {status}</source>
        <translation>HTTP {status}</translation>
    </message>
    <message>
        <source>{milliseconds} ms</source>
        <translation>{milliseconds} 毫秒</translation>
    </message>
    <message>
        <source>URL: {url}</source>
        <translation>URL：{url}</translation>
    </message>
    <message>
        <source>HTTP status: {status}</source>
        <translation>HTTP 状态：{status}</translation>
    </message>
    <message>
        <source>Latency: {milliseconds} ms</source>
        <translation>延迟：{milliseconds} 毫秒</translation>
    </message>
    <message>
        <source>Provider message: {message}</source>
        <translation>服务商消息：{message}</translation>
    </message>
    <message>
        <source>Redirected to: {location}</source>
        <translation>重定向到：{location}</translation>
    </message>
    <message>
        <source>Proxy: {proxy}</source>
        <translation>代理：{proxy}</translation>
    </message>
    <message>
        <source>Proxy: none, direct connection</source>
        <translation>代理：无，直接连接</translation>
    </message>
</context>
<context>
    <name>SettingsTransfer</name>
    <message>
        <source>Export settings</source>
        <translation>导出设置</translation>
    </message>
    <message>
        <source>Settings were not exported: {error}</source>
        <translation>设置未导出：{error}</translation>
    </message>
    <message>
        <source>Settings exported to {path}.</source>
        <translation>设置已导出到 {path}。</translation>
    </message>
    <message>
        <source>The file contains your API keys. Keep it private, and delete it when you no longer need it.</source>
        <translation>该文件包含您的 API 密钥。请妥善保管，不再需要时请删除。</translation>
    </message>
    <message>
        <source>No key was found for: {configs}.</source>
        <translation>未找到以下配置的密钥：{configs}。</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>导入设置</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>未导入任何内容：{error}</translation>
    </message>
    <message>
        <source>Import the configs in {file}? Saved configs with the same id are replaced, and the others are kept, as is the default.</source>
        <translation>要导入 {file} 中的配置吗？ID 相同的已保存配置将被替换，其他配置和默认设置保持不变。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Configs imported from {file}: {count}.</source>
        <translation>已从 {file} 导入配置：{count} 个。</translation>
    </message>
    <message>
        <source>Keys stored for: {configs}.</source>
        <translation>已存储以下配置的密钥：{configs}。</translation>
    </message>
    <message>
        <source>Enter the key again and save for: {configs}.</source>
        <translation>请为以下配置重新输入密钥并保存：{configs}。</translation>
    </message>
    <message>
        <source>No key was imported: {error}</source>
        <translation>未导入任何密钥：{error}</translation>
    </message>
    <message>
        <source>The chosen keys were already saved.</source>
        <translation>所选密钥已经保存过。</translation>
    </message>
    <message>
        <source>Keys imported for: {providers}. These cards show Unverified until you save them, which validates the key.</source>
        <translation>已导入以下服务商的密钥：{providers}。这些卡片在您保存（即验证密钥）之前显示“未验证”。</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Checking the key and model with the provider.</source>
        <translation>正在向服务商检查密钥和模型。</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Key missing</source>
        <translation>缺少密钥</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Nothing is saved for this provider.</source>
        <translation>此服务商没有已保存的内容。</translation>
    </message>
    <message>
        <source>Saved without reaching the provider, so the key is not proven.</source>
        <translation>保存时未能连接服务商，因此密钥未经证实。</translation>
    </message>
    <message>
        <source>Saved, and the key and model worked.</source>
        <translation>已保存，密钥和模型均可用。</translation>
    </message>
    <message>
        <source>Saved, validated, and used by your agents.</source>
        <translation>已保存、已验证，并由您的智能体使用。</translation>
    </message>
    <message>
        <source>The configuration is saved, but its key cannot be read from the keychain.</source>
        <translation>配置已保存，但无法从钥匙串读取其密钥。</translation>
    </message>
    <message>
        <source>The last validation failed.</source>
        <translation>上次验证失败。</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>验证中</translation>
    </message>
</context>
<context>
    <name>ToolSupportLine</name>
    <message>
        <source>Tool calling</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>Tool calling: checking…</source>
        <translation>工具调用：正在检查…</translation>
    </message>
    <message>
        <source>Tool calling: unknown. The provider&apos;s answer did not show whether this model accepts tools.</source>
        <translation>工具调用：未知。服务商的响应未表明此模型是否接受工具。</translation>
    </message>
    <message>
        <source>Tool calling: supported.</source>
        <translation>工具调用：支持。</translation>
    </message>
    <message>
        <source>Tool calling: not supported. Agents that use tools may not work with this model.</source>
        <translation>工具调用：不支持。使用工具的智能体可能无法使用此模型。</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>API Key contains a character that keys never have (often an invisible one copied with it). Copy the key again, or type it.</source>
        <translation>API 密钥包含密钥中从不出现的字符（通常是随密钥一起复制的不可见字符）。请重新复制密钥，或手动输入。</translation>
    </message>
    <message>
        <source>API Key contains a space or line break. Copy the key again, without extra characters.</source>
        <translation>API 密钥包含空格或换行符。请重新复制密钥，不要带多余字符。</translation>
    </message>
    <message>
        <source>API Key is required. Paste the key from {provider}.</source>
        <translation>API 密钥为必填项。请粘贴来自 {provider} 的密钥。</translation>
    </message>
    <message>
        <source>Enter a Bedrock API key, or an access key ID and secret access key.</source>
        <translation>请输入 Bedrock API 密钥，或访问密钥 ID 和秘密访问密钥。</translation>
    </message>
    <message>
        <source>Enter both the access key ID and the secret access key, or neither.</source>
        <translation>访问密钥 ID 和秘密访问密钥要么都填，要么都不填。</translation>
    </message>
    <message>
        <source>Model Type contains a line break or another invisible character. Enter the model name on one line, for example {example}.</source>
        <translation>模型类型包含换行符或其他不可见字符。请在一行中输入模型名称，例如 {example}。</translation>
    </message>
    <message>
        <source>Model Type is required, for example {example}.</source>
        <translation>模型类型为必填项，例如 {example}。</translation>
    </message>
    <message>
        <source>{key} is not an External Config field of {provider}. Known fields: {known}.</source>
        <translation>{key} 不是 {provider} 的 External Config 字段。已知字段：{known}。</translation>
    </message>
    <message>
        <source>{label} contains a line break or another invisible character. Enter it on one line, without extra characters.</source>
        <translation>{label} 包含换行符或其他不可见字符。请在一行中输入，不要带多余字符。</translation>
    </message>
    <message>
        <source>{label} is required for {provider}.</source>
        <translation>{provider} 需要填写{label}。</translation>
    </message>
</context>
<context>
    <name>hosts</name>
    <message>
        <source>, for example {example}</source>
        <translation>，例如 {example}</translation>
    </message>
    <message>
        <source>API Host is in region {value}, which differs from the Region field. Requests are signed for the host&apos;s region; change one so that both match.</source>
        <translation>API Host 位于区域 {value}，与“区域”字段不同。请求按 Host 的区域签名；请修改其中一个，使两者一致。</translation>
    </message>
    <message>
        <source>API Host is required. Enter the URL of the API{value}.</source>
        <translation>API Host 为必填项。请输入 API 的 URL{value}。</translation>
    </message>
    <message>
        <source>API Host {value!r} contains &apos;?&apos; or &apos;#&apos;. Enter only the address up to its path, such as https://api.example.com/v1.</source>
        <translation>API Host {value!r} 包含 &apos;?&apos; 或 &apos;#&apos;。请只输入到路径为止的地址，例如 https://api.example.com/v1。</translation>
    </message>
    <message>
        <source>API Host {value!r} contains a user name or password. Remove it and put the key in API Key.</source>
        <translation>API Host {value!r} 包含用户名或密码。请将其删除，并把密钥填入 API 密钥。</translation>
    </message>
    <message>
        <source>API Host {value!r} has no scheme. Start it with https:// (or http:// for a local server).</source>
        <translation>API Host {value!r} 缺少协议。请以 https:// 开头（本地服务器可用 http://）。</translation>
    </message>
    <message>
        <source>API Host {value!r} is not a valid URL. Enter it like https://api.example.com/v1.</source>
        <translation>API Host {value!r} 不是有效的 URL。请按 https://api.example.com/v1 的格式输入。</translation>
    </message>
    <message>
        <source>API Host {value!r} must start with https:// or http://.</source>
        <translation>API Host {value!r} 必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>API Host {value!r} uses plain http://, so the key travels unencrypted. Use https:// unless this server is on your own machine or network.</source>
        <translation>API Host {value!r} 使用明文 http://，密钥将以未加密方式传输。除非服务器在您自己的电脑或网络中，否则请使用 https://。</translation>
    </message>
</context>
<context>
    <name>keychain</name>
    <message>
        <source>Could not read the key of {config}.</source>
        <translation>无法读取 {config} 的密钥。</translation>
    </message>
    <message>
        <source>Could not store the key of {config}.</source>
        <translation>无法保存 {config} 的密钥。</translation>
    </message>
    <message>
        <source>Could not delete the key of {config}.</source>
        <translation>无法删除 {config} 的密钥。</translation>
    </message>
    <message>
        <source>No keychain was found.</source>
        <translation>未找到钥匙串。</translation>
    </message>
    <message>
        <source>The keychain is locked.</source>
        <translation>钥匙串已锁定。</translation>
    </message>
    <message>
        <source>The keychain could not be opened. It may be locked or have no default keyring.</source>
        <translation>无法打开钥匙串。它可能已锁定，或没有默认密钥环。</translation>
    </message>
    <message>
        <source>No Secret Service keychain answered on D-Bus.</source>
        <translation>D-Bus 上没有 Secret Service 钥匙串响应。</translation>
    </message>
    <message>
        <source>The keychain failed ({type}).</source>
        <translation>钥匙串出错（{type}）。</translation>
    </message>
    <message>
        <source>Unlock the keychain, for example by logging in to your desktop again, then save again, or choose Keep keys in a file instead.</source>
        <translation>请解锁钥匙串（例如重新登录桌面）后再次保存，或选择“改为将密钥保存在文件中”。</translation>
    </message>
    <message>
        <source>Unlock the login keychain in Keychain Access and try again, or choose Keep keys in a file instead.</source>
        <translation>请在“钥匙串访问”中解锁登录钥匙串后重试，或选择“改为将密钥保存在文件中”。</translation>
    </message>
    <message>
        <source>Check that Windows Credential Manager is available for your account, or choose Keep keys in a file instead.</source>
        <translation>请确认您的账户可以使用 Windows 凭据管理器，或选择“改为将密钥保存在文件中”。</translation>
    </message>
    <message>
        <source>Install and start a Secret Service keychain (gnome-keyring, or KeePassXC with Secret Service enabled), unlock its default keyring and try again, or choose Keep keys in a file instead.</source>
        <translation>请安装并启动 Secret Service 钥匙串（gnome-keyring，或启用了 Secret Service 的 KeePassXC），解锁其默认密钥环后重试，或选择“改为将密钥保存在文件中”。</translation>
    </message>
</context>
<context>
    <name>providers</name>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <source>Deployment name</source>
        <translation>部署名称</translation>
    </message>
    <message>
        <source>OpenAI Compatible</source>
        <translation>OpenAI 兼容</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>秘密访问密钥</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>会话令牌</translation>
    </message>
</context>
<context>
    <name>sentences</name>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Another Agent Models process has held {path} for over {seconds} seconds. Close it, or delete the lock file if none runs.</source>
        <translation>另一个 Agent Models 进程占用 {path} 已超过 {seconds} 秒。请关闭该进程；如果没有进程在运行，请删除该锁文件。</translation>
    </message>
    <message>
        <source>Cannot read {path}: it is a folder, not a file. Remove or rename that folder, then try again.</source>
        <translation>无法读取 {path}：它是文件夹而不是文件。请删除或重命名该文件夹后重试。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}. Check the file&apos;s permissions; it must be readable and writable by your user.</source>
        <translation>无法读取 {path}：{reason}。请检查文件权限，您的用户必须能读写该文件。</translation>
    </message>
    <message>
        <source>Check that the folder {folder} exists and is writable by you, and that the disk is not full.</source>
        <translation>请确认文件夹 {folder} 存在且您可以写入，并且磁盘未满。</translation>
    </message>
    <message>
        <source>Could not create the settings folder {path} ({reason}).</source>
        <translation>无法创建设置文件夹 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Could not lock {path} ({reason}).</source>
        <translation>无法锁定 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Could not move the unreadable {path} aside ({reason}).</source>
        <translation>无法移走无法读取的 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}</source>
        <translation>第 {line} 行第 {column} 列不是有效的 JSON</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>顶层不是 JSON 对象</translation>
    </message>
    <message>
        <source>{culprit} is a folder, not a file. Remove or rename that folder.</source>
        <translation>{culprit} 是文件夹而不是文件。请删除或重命名该文件夹。</translation>
    </message>
    <message>
        <source>{culprit} or one of its parent folders is a file. Remove or rename that file, or set AGENT_MODELS_CONFIG_DIR to another folder.</source>
        <translation>{culprit} 或其某个上级文件夹是文件。请删除或重命名该文件，或将 AGENT_MODELS_CONFIG_DIR 设为其他文件夹。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>{path} cannot be imported: {problem}. Choose a file exported by Agent Models.</source>
        <translation>无法导入 {path}：{problem}。请选择由 Agent Models 导出的文件。</translation>
    </message>
    <message>
        <source>{path} could not be parsed ({reason}). Open Agent Models to move it aside and restore the backup, or fix the file by hand.</source>
        <translation>无法解析 {path}（{reason}）。请打开 Agent Models 将其移走并恢复备份，或手动修复该文件。</translation>
    </message>
    <message>
        <source>{path} has schema_version {version}, but this version of Agent Models reads up to {supported}. Update Agent Models; the file was not changed.</source>
        <translation>{path} 的 schema_version 为 {version}，但此版本的 Agent Models 最高只能读取 {supported}。请更新 Agent Models；文件未被更改。</translation>
    </message>
    <message>
        <source>{step} {fix} Nothing was changed.</source>
        <translation>{step}{fix}未做任何更改。</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>API found at this path</source>
        <translation>在此路径找到 API</translation>
    </message>
    <message>
        <source>Cannot find {host}: the name does not resolve. Check the API Host&apos;s spelling and your network connection.</source>
        <translation>找不到 {host}：无法解析该名称。请检查 API Host 的拼写和网络连接。</translation>
    </message>
    <message>
        <source>Cannot reach the proxy {proxy} on the way to {host}. Check the proxy settings (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY).</source>
        <translation>连接 {host} 时无法连接代理 {proxy}。请检查代理设置（HTTPS_PROXY、HTTP_PROXY、ALL_PROXY）。</translation>
    </message>
    <message>
        <source>Cannot reach {host}. Check the API Host, your network connection and any proxy.</source>
        <translation>无法连接 {host}。请检查 API Host、网络连接和代理。</translation>
    </message>
    <message>
        <source>Could not connect to {host} within {seconds} seconds. Check the API Host, your network and any firewall.</source>
        <translation>{seconds} 秒内未能连接 {host}。请检查 API Host、网络和防火墙。</translation>
    </message>
    <message>
        <source>Invalid key. Validation failed.</source>
        <translation>密钥无效。验证失败。</translation>
    </message>
    <message>
        <source>Invalid model name. Validation failed.</source>
        <translation>模型名称无效。验证失败。</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed (certificate or TLS error). Check the API Host and the system&apos;s certificates.</source>
        <translation>与 {host} 的安全连接失败（证书或 TLS 错误）。请检查 API Host 和系统证书。</translation>
    </message>
    <message>
        <source>Validated: the key and the model work.</source>
        <translation>验证通过：密钥和模型均可用。</translation>
    </message>
    <message>
        <source>You exceeded your current quota</source>
        <translation>您已超出当前配额</translation>
    </message>
    <message>
        <source>corrected API Host answers</source>
        <translation>更正后的 API Host 有响应</translation>
    </message>
    <message>
        <source>generation works</source>
        <translation>可以生成回复</translation>
    </message>
    <message>
        <source>host reachable</source>
        <translation>可以连接主机</translation>
    </message>
    <message>
        <source>in 1 second</source>
        <translation>1 秒后</translation>
    </message>
    <message>
        <source>in a minute</source>
        <translation>一分钟后</translation>
    </message>
    <message>
        <source>in {seconds} seconds</source>
        <translation>{seconds} 秒后</translation>
    </message>
    <message>
        <source>key accepted</source>
        <translation>密钥被接受</translation>
    </message>
    <message>
        <source>model available</source>
        <translation>模型可用</translation>
    </message>
    <message>
        <source>request format accepted</source>
        <translation>请求格式被接受</translation>
    </message>
    <message>
        <source>{host} answered HTTP 200 without a generated reply. See the provider&apos;s message, and check the API Host.</source>
        <translation>{host} 返回了 HTTP 200，但没有生成回复。请查看服务商的消息，并检查 API Host。</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status} with an empty body, not like the {provider} API. Check the API Host.</source>
        <translation>{host} 返回了 HTTP {status} 和空响应体，不像 {provider} API。请检查 API Host。</translation>
    </message>
    <message>
        <source>{host} answered with a web page, not the {provider} API. Check the API Host and its path.</source>
        <translation>{host} 返回的是网页，而不是 {provider} API。请检查 API Host 及其路径。</translation>
    </message>
    <message>
        <source>{host} answered with invalid JSON: not the {provider} API, or an answer cut off on the way. Check the API Host and any proxy.</source>
        <translation>{host} 返回了无效的 JSON：可能不是 {provider} API，或响应在途中被截断。请检查 API Host 和代理。</translation>
    </message>
    <message>
        <source>{host} answered with text that is not JSON, so it is not the {provider} API. Check the API Host.</source>
        <translation>{host} 返回的文本不是 JSON，因此不是 {provider} API。请检查 API Host。</translation>
    </message>
    <message>
        <source>{host} answered, but not like the {provider} API. Check the API Host.</source>
        <translation>{host} 有响应，但不像 {provider} API。请检查 API Host。</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} seconds. Try again, or check your network.</source>
        <translation>{host} 在 {seconds} 秒内没有响应。请重试，或检查网络。</translation>
    </message>
    <message>
        <source>{host} does not answer like the {provider} API at this path, but {suggested} does. Use the suggested API Host.</source>
        <translation>{host} 在此路径上的响应不像 {provider} API，但 {suggested} 可以。请使用建议的 API Host。</translation>
    </message>
    <message>
        <source>{host} does not answer like the {provider} API. Check the API Host and its path.</source>
        <translation>{host} 的响应不像 {provider} API。请检查 API Host 及其路径。</translation>
    </message>
    <message>
        <source>{host} does not speak TLS. If it is a local server, start the API Host with http://.</source>
        <translation>{host} 不支持 TLS。如果是本地服务器，请让 API Host 以 http:// 开头。</translation>
    </message>
    <message>
        <source>{host} redirected the request to {location}. The key was not sent there. Check the API Host, and enter the new address if you trust it.</source>
        <translation>{host} 把请求重定向到 {location}。密钥没有发送到那里。请检查 API Host；如果信任新地址，请输入它。</translation>
    </message>
    <message>
        <source>{host} refused the connection. Check the API Host and port, and that the server is running.</source>
        <translation>{host} 拒绝了连接。请检查 API Host 和端口，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>{host} sent more than {size} for a one-token request, so it is not the {provider} API. Check the API Host.</source>
        <translation>{host} 对单个令牌的请求返回了超过 {size} 的内容，因此不是 {provider} API。请检查 API Host。</translation>
    </message>
    <message>
        <source>{host} started answering but did not finish within {seconds} seconds. Try again later.</source>
        <translation>{host} 开始响应，但未在 {seconds} 秒内完成。请稍后重试。</translation>
    </message>
    <message>
        <source>{provider} accepted the key but it lacks a permission. Check the key&apos;s permissions.</source>
        <translation>{provider} 接受了该密钥，但它缺少某项权限。请检查密钥的权限。</translation>
    </message>
    <message>
        <source>{provider} does not accept the API version {version} for this deployment. Enter a supported API version, for example {example}.</source>
        <translation>{provider} 不接受此部署的 API 版本 {version}。请输入受支持的 API 版本，例如 {example}。</translation>
    </message>
    <message>
        <source>{provider} does not serve your location. Use a supported region or another provider.</source>
        <translation>{provider} 不为您所在的地区提供服务。请使用受支持的地区或其他服务商。</translation>
    </message>
    <message>
        <source>{provider} had a server error or is overloaded. Try again later.</source>
        <translation>{provider} 出现服务器错误或负载过高。请稍后重试。</translation>
    </message>
    <message>
        <source>{provider} has no model list. Type the model name.</source>
        <translation>{provider} 没有模型列表。请输入模型名称。</translation>
    </message>
    <message>
        <source>{provider} is rate limiting this key right now, so the model could not be checked. Try again {retry}, or save without validation.</source>
        <translation>{provider} 目前正在对此密钥限速，因此无法检查模型。请在{retry}重试，或不验证直接保存。</translation>
    </message>
    <message>
        <source>{provider} rejected the test request. See the provider&apos;s message for details.</source>
        <translation>{provider} 拒绝了测试请求。详情请查看服务商的消息。</translation>
    </message>
</context>
</TS>
